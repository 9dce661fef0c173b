// @vitest-environment node
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Zip } from '../../../scripts/store/zip.ts';

/**
 * A zip written by hand for this test, field by field as the format lays it out (local headers,
 * central directory, end record), with a folder, a stored and a deflated file, and a comment.
 */
function zipOf(entries: Array<{ name: string; data: Buffer; deflate: boolean }>, comment = ''): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data, deflate } of entries) {
    const body = deflate ? deflateRawSync(data) : data;
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(deflate ? 8 : 0, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(Buffer.byteLength(comment), 20);
  return Buffer.concat([...locals, directory, end, Buffer.from(comment)]);
}

describe('the zip reader the package tests use', () => {
  const manifest = Buffer.from(JSON.stringify({ manifest_version: 3, name: 'x'.repeat(500) }));
  const zip = new Zip(
    zipOf(
      [
        { name: 'icon/', data: Buffer.alloc(0), deflate: false },
        { name: 'icon/16.png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47]), deflate: false },
        { name: 'manifest.json', data: manifest, deflate: true },
      ],
      'made by hand',
    ),
  );

  it('lists the files, not the folders', () => {
    expect(zip.files()).toEqual(['icon/16.png', 'manifest.json']);
  });

  it('reads stored and deflated entries back byte for byte', () => {
    expect(zip.read('icon/16.png')).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expect(zip.text('manifest.json')).toBe(manifest.toString());
  });

  it('says what is wrong instead of returning nothing', () => {
    expect(() => zip.read('missing.js')).toThrow(/missing\.js is not in the zip/);
    expect(() => new Zip(Buffer.from('not a zip at all, just some text that is long enough'))).toThrow(
      /no end of central directory/,
    );
  });
});
