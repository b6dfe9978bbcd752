// An unhandled rejection anywhere in a test run is a bug: fail loudly instead of letting it pass silently.
process.on('unhandledRejection', (reason) => {
  throw reason instanceof Error ? reason : new Error(`Unhandled rejection: ${String(reason)}`);
});
