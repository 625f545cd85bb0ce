/**
 * Sets every entry's modification time in a ZIP archive (an .xlsx) to one instant, in place.
 * exceljs zips with JSZip, which stamps each entry with the clock at writing, so two renders of the
 * same data would differ in these bytes alone. The time is written as the wall clock of
 * Asia/Shanghai (DOS times have no zone; readers show them as they are).
 */

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function dosStamp(at: Date): { time: number; date: number } {
  const t = new Date(at.getTime() + 8 * 3600_000);
  const time = (t.getUTCHours() << 11) | (t.getUTCMinutes() << 5) | Math.floor(t.getUTCSeconds() / 2);
  const date =
    ((Math.max(1980, t.getUTCFullYear()) - 1980) << 9) | ((t.getUTCMonth() + 1) << 5) | t.getUTCDate();
  return { time, date };
}

export function stampZipEntries(zip: Uint8Array, at: Date): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // The end-of-central-directory record is in the last 22 bytes plus a comment of up to 64 KiB.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('stampZipEntries: not a ZIP archive');
  const { time, date } = dosStamp(at);
  const entries = view.getUint16(eocd + 10, true);
  let at0 = view.getUint32(eocd + 16, true);
  for (let n = 0; n < entries; n++) {
    if (view.getUint32(at0, true) !== CENTRAL) throw new Error('stampZipEntries: bad central directory');
    view.setUint16(at0 + 12, time, true);
    view.setUint16(at0 + 14, date, true);
    const local = view.getUint32(at0 + 42, true);
    if (view.getUint32(local, true) !== LOCAL) throw new Error('stampZipEntries: bad local header');
    view.setUint16(local + 10, time, true);
    view.setUint16(local + 12, date, true);
    at0 +=
      46 + view.getUint16(at0 + 28, true) + view.getUint16(at0 + 30, true) + view.getUint16(at0 + 32, true);
  }
  return zip;
}
