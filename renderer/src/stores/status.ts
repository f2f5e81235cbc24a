/** Where a store's remote data stands. `idle` = never asked for. */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';
