import yauzl from 'yauzl';

/**
 * One part of a zip (an .xlsx) as text, e.g. `docProps/app.xml`, whose `<Application>` says which
 * program last wrote the workbook; undefined when the part is not there.
 */
export function zipEntryText(bytes: Uint8Array, name: string): Promise<string | undefined> {
  return new Promise((done, fail) => {
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return fail(err ?? new Error('not a zip'));
      zip.on('error', fail);
      zip.on('end', () => done(undefined));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== name) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return fail(e ?? new Error(`cannot read ${name}`));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', fail);
          stream.on('end', () => {
            zip.close();
            done(Buffer.concat(chunks).toString('utf8'));
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** The program named in `docProps/app.xml` (`LibreOffice/7.4…`, `Microsoft Excel`), if any. */
export async function writtenBy(bytes: Uint8Array): Promise<string | undefined> {
  const app = await zipEntryText(bytes, 'docProps/app.xml');
  return app ? /<Application>([^<]*)<\/Application>/.exec(app)?.[1] : undefined;
}
