/** Entry point of the read-ahead worker's own small bundle (dist/readAhead.js): see readAhead.ts. */
import { isReadAheadWorker, runReadAheadWorker } from './readAhead';

if (isReadAheadWorker()) runReadAheadWorker();
