/**
 * Ordnance Survey National Grid easting/northing (EPSG:27700) to latitude/longitude, by the
 * OS inverse Transverse Mercator formulae on the Airy 1830 ellipsoid followed by a Helmert
 * shift to WGS84 (accurate to a few metres: ample for plotting schools).
 */
const a = 6377563.396;
const b = 6356256.909;
const F0 = 0.9996012717;
const lat0 = (49 * Math.PI) / 180;
const lon0 = (-2 * Math.PI) / 180;
const N0 = -100000;
const E0 = 400000;
const e2 = 1 - (b * b) / (a * a);
const n = (a - b) / (a + b);

function meridional(phi: number): number {
  const n2 = n * n;
  const n3 = n2 * n;
  return (
    b *
    F0 *
    ((1 + n + (5 / 4) * n2 + (5 / 4) * n3) * (phi - lat0) -
      (3 * n + 3 * n2 + (21 / 8) * n3) * Math.sin(phi - lat0) * Math.cos(phi + lat0) +
      ((15 / 8) * n2 + (15 / 8) * n3) * Math.sin(2 * (phi - lat0)) * Math.cos(2 * (phi + lat0)) -
      (35 / 24) * n3 * Math.sin(3 * (phi - lat0)) * Math.cos(3 * (phi + lat0)))
  );
}

function toOsgb36(E: number, N: number): [number, number] {
  let phi = lat0;
  let M = 0;
  do {
    phi = (N - N0 - M) / (a * F0) + phi;
    M = meridional(phi);
  } while (Math.abs(N - N0 - M) >= 0.00001);
  const s = Math.sin(phi);
  const nu = (a * F0) / Math.sqrt(1 - e2 * s * s);
  const rho = (a * F0 * (1 - e2)) / Math.pow(1 - e2 * s * s, 1.5);
  const eta2 = nu / rho - 1;
  const t = Math.tan(phi);
  const sec = 1 / Math.cos(phi);
  const VII = t / (2 * rho * nu);
  const VIII = (t / (24 * rho * nu ** 3)) * (5 + 3 * t * t + eta2 - 9 * t * t * eta2);
  const IX = (t / (720 * rho * nu ** 5)) * (61 + 90 * t * t + 45 * t ** 4);
  const X = sec / nu;
  const XI = (sec / (6 * nu ** 3)) * (nu / rho + 2 * t * t);
  const XII = (sec / (120 * nu ** 5)) * (5 + 28 * t * t + 24 * t ** 4);
  const XIIA = (sec / (5040 * nu ** 7)) * (61 + 662 * t * t + 1320 * t ** 4 + 720 * t ** 6);
  const dE = E - E0;
  return [
    phi - VII * dE ** 2 + VIII * dE ** 4 - IX * dE ** 6,
    lon0 + X * dE - XI * dE ** 3 + XII * dE ** 5 - XIIA * dE ** 7,
  ];
}

/** Helmert transform OSGB36 -> WGS84 via cartesian coordinates. */
function helmert(phi: number, lambda: number): [number, number] {
  const s = Math.sin(phi);
  const nu = a / Math.sqrt(1 - e2 * s * s);
  const x = nu * Math.cos(phi) * Math.cos(lambda);
  const y = nu * Math.cos(phi) * Math.sin(lambda);
  const z = nu * (1 - e2) * s;
  const tx = 446.448,
    ty = -125.157,
    tz = 542.06;
  const sc = -20.4894e-6;
  const rx = ((0.1502 / 3600) * Math.PI) / 180;
  const ry = ((0.247 / 3600) * Math.PI) / 180;
  const rz = ((0.8421 / 3600) * Math.PI) / 180;
  const x2 = tx + (1 + sc) * x - rz * y + ry * z;
  const y2 = ty + rz * x + (1 + sc) * y - rx * z;
  const z2 = tz - ry * x + rx * y + (1 + sc) * z;
  const a2 = 6378137;
  const b2 = 6356752.3142;
  const e22 = 1 - (b2 * b2) / (a2 * a2);
  const p = Math.sqrt(x2 * x2 + y2 * y2);
  let lat = Math.atan2(z2, p * (1 - e22));
  for (let i = 0; i < 10; i++) {
    const nu2 = a2 / Math.sqrt(1 - e22 * Math.sin(lat) ** 2);
    lat = Math.atan2(z2 + e22 * nu2 * Math.sin(lat), p);
  }
  return [lat, Math.atan2(y2, x2)];
}

/** [lat, lon] in degrees (WGS84), or undefined for coordinates outside Great Britain. */
export function eastingNorthingToLatLon(
  easting: number,
  northing: number,
): [number, number] | undefined {
  if (!(easting > 0 && easting < 800000 && northing > 0 && northing < 1300000)) return undefined;
  const [phi, lambda] = helmert(...toOsgb36(easting, northing));
  return [(phi * 180) / Math.PI, (lambda * 180) / Math.PI];
}
