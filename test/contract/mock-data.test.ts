// `npm run mock` (data mode) as a frontend uses it, through the client.
import { inject } from 'vitest';
import { describeMockBehaviour } from '../mock/behaviour.ts';

describeMockBehaviour('npm run mock', () => inject('mockUrl'));
