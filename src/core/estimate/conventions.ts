// The back-of-the-envelope conventions the engine applies, each with the wording shown to the author.
import type { EstimateSettings } from '../types';
import { formatNumber as plain, grouped } from './format';

/** Integers with thousands separators (1,000), others as plain numbers. */
function formatNumber(v: number): string {
  return Number.isInteger(v) ? grouped(v) : plain(v, 6);
}

export const SECONDS_PER_DAY = 86400;

export const CONVENTIONS = {
  secondsPerDay: '86,400 = seconds per day (a daily total ÷ 86,400 is a per-second rate)',
  roundSecondsPerDay: '10^5 ≈ seconds per day (86,400 rounded up)',
  perDayToPerSecond: '÷ 86,400 turns a per-day rate into a per-second rate',
  perSecondToPerDay: '× 86,400 turns a per-second rate into a daily total',
  hoursPerDay: '24 = hours per day (a per-hour value × 24 is a daily total)',
  daysPerWeek: '7 = days per week (a per-day value × 7 is a weekly total)',
  weeksPerYear: '52 = weeks per year (a per-week value × 52 is a yearly total)',
  monthsPerYear: '12 = months per year (a per-month value × 12 is a yearly total)',
  daysPerYear: (s: EstimateSettings) => `${formatNumber(s.daysPerYear)} = days per year (a per-day value × ${formatNumber(s.daysPerYear)} is a yearly total)`,
  daysPerMonth: (s: EstimateSettings) => `${formatNumber(s.daysPerMonth)} = days per month (a per-day value × ${formatNumber(s.daysPerMonth)} is a monthly total)`,
  monthLength: (s: EstimateSettings) => `1 month = ${formatNumber(s.daysPerMonth)} days`,
  yearLength: (s: EstimateSettings) => `1 year = ${formatNumber(s.daysPerYear)} days`,
  peakFactor: (s: EstimateSettings) => `peak factor ${formatNumber(s.peakFactor)} (peak = ${formatNumber(s.peakFactor)} × average)`,
  perServer: (s: EstimateSettings) => `one server ≈ ${formatNumber(s.rpsPerServer)} RPS (servers = RPS ÷ ${formatNumber(s.rpsPerServer)}, rounded up)`,
  readAsPer: (what: string, period: string) => `${what} read as per ${period} (the claim is a rate)`,
  perDuration: (what: string, period: string) => `${what} read as per ${period} (multiplied by a number of ${period}s)`,
  bareClaim: 'a claim without a unit takes the unit of the computed value',
};

/** Does the line talk about servers or peaks (to decide whether ÷ 1000 or × 2 are those conventions)? */
export function mentions(text: string, what: 'server' | 'peak'): boolean {
  return what === 'server' ? /\bservers?\b|\bhosts?\b|\bmachines?\b|\binstances?\b/i.test(text) : /\bpeak\b/i.test(text);
}

/** 86,400 or 10^5 written as a plain number. */
export function secondsPerDayValue(v: number): 'exact' | 'round' | undefined {
  if (v === SECONDS_PER_DAY) return 'exact';
  if (v === 1e5) return 'round';
  return undefined;
}
