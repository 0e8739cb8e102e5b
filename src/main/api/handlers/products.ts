import { addLineItem, applyPriceList, dealLines, removeLineItem, updateLineItem } from '../../services/line-items';
import {
  createPriceList,
  deletePriceList,
  listPriceLists,
  priceListItems,
  setListPrice,
  updatePriceList,
} from '../../services/price-lists';
import { createProduct, getProduct, listProducts, setProductDeleted, updateProduct } from '../../services/products';
import { writeOptions, type HandlerMap } from '../context';

type ProductMethods =
  | 'products.create'
  | 'products.get'
  | 'products.list'
  | 'products.update'
  | 'products.delete'
  | 'products.restore'
  | 'priceLists.create'
  | 'priceLists.list'
  | 'priceLists.update'
  | 'priceLists.delete'
  | 'priceLists.items'
  | 'priceLists.setPrice'
  | 'lineItems.list'
  | 'lineItems.add'
  | 'lineItems.update'
  | 'lineItems.applyPriceList'
  | 'lineItems.remove';

export const productsHandlers: HandlerMap<ProductMethods> = {
  'products.create': (input, ctx) => createProduct(ctx.db, input, writeOptions(ctx)),
  'products.get': (input, ctx) => getProduct(ctx.db, input.id),
  'products.list': (input, ctx) => ({ items: listProducts(ctx.db, input) }),
  'products.update': (input, ctx) => updateProduct(ctx.db, input, writeOptions(ctx)),
  'products.delete': (input, ctx) => setProductDeleted(ctx.db, input.id, true, writeOptions(ctx)),
  'products.restore': (input, ctx) => setProductDeleted(ctx.db, input.id, false, writeOptions(ctx)),
  'priceLists.create': (input, ctx) => createPriceList(ctx.db, input, writeOptions(ctx)),
  'priceLists.list': (_input, ctx) => ({ items: listPriceLists(ctx.db) }),
  'priceLists.update': (input, ctx) => updatePriceList(ctx.db, input, writeOptions(ctx)),
  'priceLists.delete': (input, ctx) => deletePriceList(ctx.db, input.id, writeOptions(ctx)),
  'priceLists.items': (input, ctx) => ({ items: priceListItems(ctx.db, input.id) }),
  'priceLists.setPrice': (input, ctx) => ({ items: setListPrice(ctx.db, input, writeOptions(ctx)) }),
  'lineItems.list': (input, ctx) => dealLines(ctx.db, input.dealId),
  'lineItems.add': (input, ctx) => addLineItem(ctx.db, input, writeOptions(ctx)),
  'lineItems.update': (input, ctx) => updateLineItem(ctx.db, input, writeOptions(ctx)),
  'lineItems.applyPriceList': (input, ctx) => applyPriceList(ctx.db, input, writeOptions(ctx)),
  'lineItems.remove': (input, ctx) => removeLineItem(ctx.db, input.id, writeOptions(ctx)),
};
