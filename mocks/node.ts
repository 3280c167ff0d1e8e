import { setupServer } from 'msw/node';
import { handlers } from './handlers/data';

export const server = setupServer(...handlers);
