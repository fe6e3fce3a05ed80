// A PostgreSQL transaction is one pg connection, and a pg connection runs one query at a time: pg 8.x queues a
// query sent while another is running, and warns that pg 9 will refuse it ("Calling client.query() when the client
// is already executing a query is deprecated"). Two things send them together inside our transactions: Prisma's
// query interpreter fetches an `include`'s relations with Promise.all (prisma/orm#29407), and lib code that reads
// in parallel on the pool (loadGate's Promise.all) is also called with a transaction. Outside transactions queries
// go to the pool, one connection each, and stay parallel; inside, this queue sends them in order, which is what pg
// did anyway, without the path pg 9 removes.
import type { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlQueryable } from "@prisma/driver-adapter-utils";

/** Makes `queryable` send its queries one after another, each after the previous one settled. */
export function oneQueryAtATime<T extends SqlQueryable>(queryable: T): T {
  let previous: Promise<unknown> = Promise.resolve();
  const inTurn = <R>(send: () => Promise<R>): Promise<R> => {
    const result = previous.then(send);
    previous = result.catch(() => undefined);
    return result;
  };
  const queryRaw = queryable.queryRaw.bind(queryable);
  const executeRaw = queryable.executeRaw.bind(queryable);
  // On the instance, so that the adapter's own calls (savepoints) take their turn too.
  queryable.queryRaw = (query) => inTurn(() => queryRaw(query));
  queryable.executeRaw = (query) => inTurn(() => executeRaw(query));
  return queryable;
}

/** The pg adapter factory with every interactive transaction's queries sent one at a time. */
export function withTransactionsOneQueryAtATime(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    (adapter as SqlDriverAdapter).startTransaction = async (isolationLevel) =>
      oneQueryAtATime(await startTransaction(isolationLevel));
    return adapter;
  };
  return factory;
}
