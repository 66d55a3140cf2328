import { answerJson, keepAnswer } from './kept-answer';

describe('kept answers', () => {
  it('writes a kept answer once and gives the same JSON again', () => {
    const answer = keepAnswer({ rows: [{ key: 'trust', learners: 3 }] });
    const first = answerJson(answer);
    // As the bytes sent: encoded once too.
    expect(first).toBeInstanceOf(Buffer);
    expect(first?.toString('utf8')).toBe('{"rows":[{"key":"trust","learners":3}]}');
    // Written once: what is handed out again is the first writing, not a new one.
    const stringify = jest.spyOn(JSON, 'stringify');
    try {
      expect(answerJson(answer)).toBe(first);
      expect(stringify).not.toHaveBeenCalled();
    } finally {
      stringify.mockRestore();
    }
  });

  it('writes any other value afresh each time, as JSON.stringify does', () => {
    const answer = { learners: 1 };
    expect(answerJson(answer)).toBe('{"learners":1}');
    answer.learners = 2;
    expect(answerJson(answer)).toBe('{"learners":2}');
    expect(answerJson(undefined)).toBeUndefined();
    expect(answerJson('text')).toBe('"text"');
    expect(answerJson(null)).toBe('null');
  });
});
