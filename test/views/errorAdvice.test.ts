/** The next step after a failure through a jump host points at the jump host, not at the target's settings. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextStep } from '../../client/src/views/errorAdvice';

const config = { name: 'kvm-b', host: '10.0.0.6', user: 'admin', proxyJump: 'ops@gw:2200' };

test('jump host failures get jump host advice; the target\'s own failures keep theirs', () => {
  assert.match(nextStep({ kind: 'auth', message: 'login as ops on jump host gw:2200 refused', stderr: '' }, config), /jump host's user and key \("proxyJump" of host "kvm-b"/);
  assert.match(nextStep({ kind: 'connect', message: 'cannot connect to jump host gw:2200: ECONNREFUSED', stderr: '' }, config), /ssh -J ops@gw:2200 …\).*forward to 10\.0\.0\.6:22/);
  assert.match(nextStep({ kind: 'auth', message: 'login as admin on 10.0.0.6:22 refused', stderr: '' }, config), /Check "user" and "identityFile" of host "kvm-b"/);
  assert.match(nextStep({ kind: 'timeout', message: 'admin@10.0.0.6 via ops@gw:2200 did not complete the SSH login within 15 s', stderr: '' }, { ...config, proxyJump: undefined }), /Check that 10\.0\.0\.6:22 is up/);
});
