import { describe, expect, it } from 'vitest';
import { ApiError, toProblem } from './problem.ts';

describe('problem+json errors', () => {
  it('keeps the server detail and puts field errors under their field names', () => {
    const error = new ApiError(
      toProblem(
        400,
        {
          type: 'https://sampan.dev/problems/validation-failed',
          title: 'Some fields are not valid.',
          status: 400,
          code: 'validation_failed',
          detail: 'ข้อมูลบางช่องไม่ถูกต้อง',
          requestId: 'r1',
          errors: [
            { path: 'email', message: 'Invalid email' },
            { path: 'backup.hour', message: 'Too big' },
          ],
        },
        'fallback',
      ),
    );
    expect(error.message).toBe('ข้อมูลบางช่องไม่ถูกต้อง');
    expect(error.code).toBe('validation_failed');
    expect(error.fieldErrors()).toEqual({ email: 'Invalid email', hour: 'Too big' });
  });

  it('copes with a body that is not a problem (a proxy error page)', () => {
    const problem = toProblem(502, '<html>Bad gateway</html>', 'The server answered with HTTP 502.');
    expect(problem).toEqual({ status: 502, detail: 'The server answered with HTTP 502.' });
  });
});
