/** Currencies offered first in pickers; any ISO 4217 code can still be typed through the API. */
export const CURRENCY_CHOICES = ['EUR', 'USD', 'GBP', 'MXN', 'ARS', 'COP', 'CLP', 'PEN', 'BRL', 'CHF', 'JPY', 'CAD'];
