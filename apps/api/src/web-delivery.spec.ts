import { preferredCoding } from './web-delivery';

describe('preferredCoding', () => {
  it('takes brotli when the client weighs it as much as gzip, as compression does', () => {
    expect(preferredCoding('gzip, deflate, br')).toBe('br');
    expect(preferredCoding('br;q=1.0, gzip;q=1.0')).toBe('br');
    expect(preferredCoding('gzip, deflate, br, zstd')).toBe('br');
  });

  it('follows the weights the client gives', () => {
    expect(preferredCoding('br;q=0.5, gzip')).toBe('gzip');
    expect(preferredCoding('gzip;q=0.2, br;q=0.8')).toBe('br');
    expect(preferredCoding('br;q=0, gzip;q=0.1')).toBe('gzip');
    expect(preferredCoding('GZIP')).toBe('gzip');
  });

  it('reads `*` as any coding not named', () => {
    expect(preferredCoding('*')).toBe('br');
    expect(preferredCoding('br;q=0, *')).toBe('gzip');
  });

  it('gives nothing when neither is accepted', () => {
    expect(preferredCoding(undefined)).toBeNull();
    expect(preferredCoding('')).toBeNull();
    expect(preferredCoding('identity')).toBeNull();
    expect(preferredCoding('deflate, zstd')).toBeNull();
    expect(preferredCoding('br;q=0, gzip;q=0')).toBeNull();
    expect(preferredCoding('gzip;q=nonsense')).toBeNull();
  });
});
