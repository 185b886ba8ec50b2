import type { DeliveryMethod } from '../application/application-form';

// 一次办好: all results (licence, seals, UKey, account papers) are handed over together, either at one
// pickup from the window (one trip, 最多跑一次) or by free mail (zero trips, 零跑腿).

/** Trips to the service hall the applicant makes to collect the results. */
export function tripsRequired(method: DeliveryMethod): 0 | 1 {
  switch (method) {
    case 'WINDOW_PICKUP':
      return 1;
    case 'FREE_MAIL':
      return 0;
  }
}
