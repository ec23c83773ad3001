import { test } from 'node:test';
import assert from 'node:assert/strict';
import { levelFor } from './levels.js';
import { detectConfigSchema } from './config.js';

const levels = detectConfigSchema.parse({}).levels; // monitor .35 throttle .5 degrade .65 challenge .8 block .93, hysteresis .05

test('levels: a score maps to the highest cut-off it reaches', () => {
  assert.equal(levelFor(0.1, 'allow', levels), 'allow');
  assert.equal(levelFor(0.35, 'allow', levels), 'monitor');
  assert.equal(levelFor(0.7, 'allow', levels), 'degrade');
  assert.equal(levelFor(0.99, 'monitor', levels), 'block');
});

test('levels: hysteresis holds a level until the score is clearly below its cut-off', () => {
  assert.equal(levelFor(0.47, 'throttle', levels), 'throttle', 'within 0.05 of 0.5: held');
  assert.equal(levelFor(0.44, 'throttle', levels), 'monitor', 'clearly below: down one');
  assert.equal(levelFor(0.2, 'challenge', levels), 'allow', 'a large drop goes all the way');
  assert.equal(levelFor(0.62, 'challenge', levels), 'degrade');
});
