/**
 * The server's message writer on a stream (`--stdio`): each message is encoded and written at once, header and body in
 * one write. vscode-jsonrpc's stream writer encodes asynchronously and writes the header and the body separately,
 * every message waiting for the previous one's write through a lock that takes a turn of the message loop: in a CPU
 * profile of a first pass of diagnostics on the news sample (one message per file), writing cost about as much as
 * computing the diagnostics. Writes are synchronous calls, so messages keep their order; the promise settles when the
 * stream has taken the message. The messages of one turn of the loop (a step of publishing writes a few hundred) go
 * out in one system call: the stream is corked at the first and uncorked once the turn's code is done.
 */
import type { Writable } from 'node:stream';
import { AbstractMessageWriter, Message, MessageWriter } from 'vscode-languageserver/node';

export class DirectStreamWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;
  private corked = false;

  constructor(private readonly stream: Writable) {
    super();
    stream.on('error', (error: Error) => this.fireError(error));
    stream.on('close', () => this.fireClose());
  }

  write(msg: Message): Promise<void> {
    let json: string;
    try {
      json = JSON.stringify(msg);
    } catch (error) {
      this.fireError(error, msg, ++this.errorCount);
      return Promise.reject(error);
    }
    if (!this.corked) {
      this.corked = true;
      this.stream.cork();
      process.nextTick(() => {
        this.corked = false;
        this.stream.uncork();
      });
    }
    return new Promise((resolve, reject) => {
      this.stream.write(`Content-Length: ${Buffer.byteLength(json, 'utf8')}\r\n\r\n${json}`, 'utf8', (error?: Error | null) => {
        if (error) {
          this.fireError(error, msg, ++this.errorCount);
          reject(error);
        } else {
          this.errorCount = 0;
          resolve();
        }
      });
    });
  }

  end(): void {
    this.stream.end();
  }
}
