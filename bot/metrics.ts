import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of one process; a registry per process (no global), served at /metrics. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    turns: new Counter({ name: 'heard_turns_total', help: 'Bot turns handled', labelNames: ['channel', 'type'], registers: [registry] }),
    turnSeconds: new Histogram({
      name: 'heard_turn_duration_seconds',
      help: 'Time to handle one bot turn, screening and state included',
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    turnErrors: new Counter({ name: 'heard_turn_errors_total', help: 'Bot turns that failed', registers: [registry] }),
    reportsFiled: new Counter({
      name: 'heard_reports_filed_total',
      help: 'Reports durably filed, by kind, risk and where they are kept (store, or spool while the store is down)',
      labelNames: ['kind', 'risk', 'durability'],
      registers: [registry],
    }),
    reportsLost: new Counter({ name: 'heard_reports_unstorable_total', help: 'Reports that could not be stored even in the spool', registers: [registry] }),
    screenings: new Counter({ name: 'heard_screenings_total', help: 'Messages screened, by rule result', labelNames: ['risk'], registers: [registry] }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
