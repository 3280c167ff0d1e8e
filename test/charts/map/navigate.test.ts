import { describe, expect, it } from 'vitest';
import { nearestInDirection, placeLabels } from '../../../src/charts/map/navigate';

describe('moving between schools with the arrow keys', () => {
  //   0 is at the centre; 1 right, 2 far right, 3 up-right (steep), 4 below, 5 left and a bit up
  const points = [
    { x: 100, y: 100 },
    { x: 130, y: 104 },
    { x: 200, y: 100 },
    { x: 110, y: 40 },
    { x: 100, y: 160 },
    { x: 60, y: 90 },
  ];

  it('goes to the nearest school that way, not one off to the side', () => {
    expect(nearestInDirection(points, 0, 'right')).toBe(1);
    expect(nearestInDirection(points, 0, 'up')).toBe(3);
    expect(nearestInDirection(points, 0, 'down')).toBe(4);
    expect(nearestInDirection(points, 0, 'left')).toBe(5);
    expect(nearestInDirection(points, 1, 'right')).toBe(2);
  });

  it('stays put at the edge', () => {
    expect(nearestInDirection(points, 2, 'right')).toBeUndefined();
    expect(nearestInDirection([], 0, 'left')).toBeUndefined();
  });

  it('reaches every one of several schools at the same spot', () => {
    const same = [
      { x: 5, y: 5 },
      { x: 5, y: 5 },
      { x: 5, y: 5 },
    ];
    expect(nearestInDirection(same, 0, 'right')).toBe(1);
    expect(nearestInDirection(same, 1, 'down')).toBe(2);
  });
});

describe('place names from the data', () => {
  it("puts each place's name at the centre of its schools, leaving out small and unnamed ones", () => {
    const pts = [
      { item: 'North', x: 0, y: 0 },
      { item: 'North', x: 10, y: 0 },
      { item: 'North', x: 20, y: 30 },
      { item: 'South', x: 50, y: 50 },
      { item: '', x: 1, y: 1 },
      { item: '', x: 2, y: 2 },
      { item: '', x: 3, y: 3 },
    ];
    expect(placeLabels(pts, (p) => p)).toEqual([{ name: 'North', x: 10, y: 10, count: 3 }]);
  });
});
