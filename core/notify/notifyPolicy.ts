import { OutboxEvent } from '../cases/types';
import { NotifierName } from './types';

/**
 * Which events each notifier sends: a new urgent report goes everywhere at once; a new concern goes to the webhook
 * only (staff queue integrations want every concern; email is for what cannot wait). Nothing else notifies.
 */
export function shouldNotify(event: OutboxEvent, notifier: NotifierName): boolean {
  if (event.type !== 'report.created') return false;
  if (event.risk === 'urgent') return true;
  return event.risk === 'concern' && notifier === 'webhook';
}
