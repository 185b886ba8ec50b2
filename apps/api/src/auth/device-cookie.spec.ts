import { cookieValue, DeviceCookies } from './device-cookie';

describe('device cookies', () => {
  const cookies = new DeviceCookies('a-secret-of-enough-length');

  it('verifies a cookie for the username it was issued to, and for no other', () => {
    const value = cookies.issue('zhang-san');
    expect(cookies.verify(value, 'zhang-san')).toBe(value.split('.')[0]);
    expect(cookies.verify(value, ' Zhang-San ')).toBe(value.split('.')[0]);
    expect(cookies.verify(value, 'li-si')).toBeNull();
    expect(new DeviceCookies('another-secret-of-enough-length').verify(value, 'zhang-san')).toBeNull();
  });

  it.each([undefined, '', 'abc.def', 'x'.repeat(22) + '.' + 'y'.repeat(43), 'no-dot'])('refuses %j', (value) => {
    expect(cookies.verify(value, 'zhang-san')).toBeNull();
  });

  it('reads one cookie out of a Cookie header', () => {
    expect(cookieValue('a=1; onetrip_device=abc.def=; b=2', 'onetrip_device')).toBe('abc.def=');
    expect(cookieValue('a=1', 'onetrip_device')).toBeUndefined();
    expect(cookieValue(undefined, 'onetrip_device')).toBeUndefined();
  });
});
