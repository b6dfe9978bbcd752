import { Counter, Histogram, Registry } from 'prom-client';

/** Creates the notifier metrics on the process's registry (the one served at /metrics). */
export function createNotifyMetrics(registry: Registry) {
  const labelNames = ['notifier'] as const;
  return {
    delivered: new Counter({
      name: 'heard_notify_delivered_total',
      help: 'Alerts delivered, by notifier',
      labelNames,
      registers: [registry],
    }),
    failedAttempts: new Counter({
      name: 'heard_notify_failed_attempts_total',
      help: 'Delivery attempts that failed (each retry counts), by notifier',
      labelNames,
      registers: [registry],
    }),
    deadLettered: new Counter({
      name: 'heard_notify_dead_lettered_total',
      help: 'Alerts given up on and moved to the dead-letter stream, by notifier: alert on any increase',
      labelNames,
      registers: [registry],
    }),
    latency: new Histogram({
      name: 'heard_notify_delivery_latency_seconds',
      help: 'From the report being filed to its alert being delivered, by notifier',
      labelNames,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
      registers: [registry],
    }),
  };
}
export type NotifyMetrics = ReturnType<typeof createNotifyMetrics>;
