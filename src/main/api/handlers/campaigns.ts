import {
  attributeDeal,
  campaignDeals,
  createCampaign,
  deleteCampaign,
  getCampaign,
  listCampaigns,
  listMembers,
  pauseCampaign,
  recordResponse,
  responsesOf,
  resumeCampaign,
  setAudience,
  startCampaign,
  updateCampaign,
} from '../../services/campaigns';
import { ensureCampaignSender } from '../../services/campaign-sender';
import type { ApiContext, HandlerMap } from '../context';

type Methods =
  | 'campaigns.list'
  | 'campaigns.get'
  | 'campaigns.create'
  | 'campaigns.update'
  | 'campaigns.delete'
  | 'campaigns.setAudience'
  | 'campaigns.members'
  | 'campaigns.start'
  | 'campaigns.pause'
  | 'campaigns.resume'
  | 'campaigns.recordResponse'
  | 'campaigns.responses'
  | 'campaigns.attributeDeal'
  | 'campaigns.deals';

const cctx = (ctx: ApiContext) => ({ actor: ctx.actor, locale: ctx.locale, origin: ctx.origin });

export const campaignsHandlers: HandlerMap<Methods> = {
  'campaigns.list': (input, ctx) => ({ items: listCampaigns(ctx.db, input) }),
  'campaigns.get': (input, ctx) => {
    // A campaign still sending after a restart picks up again when the workspace opens, and in
    // any other process on the book (the CLI) as soon as someone looks at it.
    ensureCampaignSender(ctx.db, { locale: ctx.locale });
    return getCampaign(ctx.db, input.id);
  },
  'campaigns.create': (input, ctx) => createCampaign(ctx.db, input, cctx(ctx)),
  'campaigns.update': ({ id, ...patch }, ctx) => updateCampaign(ctx.db, id, patch, cctx(ctx)),
  'campaigns.delete': (input, ctx) => deleteCampaign(ctx.db, input.id, cctx(ctx)),
  'campaigns.setAudience': (input, ctx) => setAudience(ctx.db, input, cctx(ctx)),
  'campaigns.members': (input, ctx) => listMembers(ctx.db, input),
  'campaigns.start': (input, ctx) => startCampaign(ctx.db, input.id, cctx(ctx)),
  'campaigns.pause': (input, ctx) => pauseCampaign(ctx.db, input.id, cctx(ctx)),
  'campaigns.resume': (input, ctx) => resumeCampaign(ctx.db, input.id, cctx(ctx)),
  'campaigns.recordResponse': (input, ctx) => recordResponse(ctx.db, input, cctx(ctx)),
  'campaigns.responses': (input, ctx) => ({ items: responsesOf(ctx.db, input.id) }),
  'campaigns.attributeDeal': (input, ctx) => attributeDeal(ctx.db, input, cctx(ctx)),
  'campaigns.deals': (input, ctx) => ({ items: campaignDeals(ctx.db, input.id) }),
};
