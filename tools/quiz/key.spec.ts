/**
 * The quiz's pieces agree: the committed hashed key is the one the solution produces (this test
 * fails as soon as an answer, a trap or a question changes without `npx tsx tools/quiz/make-key.ts`),
 * and the question ids, titles, kinds, options and points agree across questions.ts, course.json,
 * QUIZ.md and both answers.ts files.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keyFile, loadKey } from '../../graders/exercise-05-quiz/key.ts';
import { questions } from '../../graders/exercise-05-quiz/questions.ts';
import { answers } from '../../solutions/exercise-05-quiz/answers.ts';
import { answers as stubAnswers } from '../../exercises/exercise-05-quiz/answers.ts';
import { buildKey, keyText } from './build-key.ts';
import { answersSource, exercise, quizSections, readme } from './quiz-files.ts';
import { traps } from './traps.ts';

const ids = questions.map((q) => q.id);
const stale = 'graders/exercise-05-quiz/key.json is stale: run `npx tsx tools/quiz/make-key.ts`';

describe('the hashed key', () => {
  it('is the key of the current solution, traps and questions', () => {
    const committed = readFileSync(keyFile, 'utf8');
    expect(keyText(buildKey(loadKey().salt, questions, answers, traps)), stale).toBe(committed);
  });

  it('changes when any answer changes (so a stale key is detected)', () => {
    const { salt, answers: hashes } = loadKey();
    const changed = buildKey(salt, questions, { ...answers, q04: answers.q04! + 1, q18: answers.q18! + 1 }, traps);
    expect(changed.answers.q04).not.toBe(hashes.q04);
    expect(changed.answers.q18).not.toBe(hashes.q18);
    expect(changed.answers.q03).toBe(hashes.q03);
  });

  it('refuses a trap that equals the right answer, and an answer of the wrong kind', () => {
    expect(() => buildKey('s', questions, answers, { ...traps, q02: { windowSize: [answers.q02] } })).toThrow(/trap 'windowSize' of q02 is the right answer/);
    expect(() => buildKey('s', questions, { ...answers, q02: '0' }, traps)).toThrow(/q02 is not a valid answer/);
  });
});

describe('the quiz files agree', () => {
  it('question ids: questions.ts = course.json parts = the stub’s answers = QUIZ.md, in order', () => {
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => `q${String(i + 1).padStart(2, '0')}`));
    expect(ids.length).toBeGreaterThanOrEqual(15);
    expect(ids.length).toBeLessThanOrEqual(20);
    expect(exercise.parts.map((p) => p.id)).toEqual(ids);
    expect(Object.keys(stubAnswers)).toEqual(ids);
    expect(quizSections().map((s) => s.id)).toEqual(ids);
  });

  it('the stub answers nothing yet', () => {
    expect(Object.values(stubAnswers).every((v) => v === undefined)).toBe(true);
  });

  it('the stub and the solution declare the same types (they differ only in the answers)', () => {
    const declarations = (text: string) => text.slice(text.indexOf('/** An option letter'), text.indexOf('/** Your answers. */'));
    expect(declarations(answersSource('solutions'))).toBe(declarations(answersSource('exercises')));
  });

  it('QUIZ.md and the stub’s TSDoc use the course.json titles', () => {
    const stub = answersSource('exercises');
    for (const [i, section] of quizSections().entries()) {
      expect(section.title, section.id).toBe(exercise.parts[i].title);
      expect(stub, section.id).toContain(`/** ${section.id} · ${exercise.parts[i].title} — `);
    }
  });

  it('QUIZ.md states each question’s kind, options and points as the grader and course.json have them', () => {
    const phrase = {
      choice: /^One letter/,
      choices: /^Every letter that applies/,
      boolean: /^true or false/,
      integer: /^A number/,
      integers: /^Two numbers/,
      matrix: /^Three rows of three numbers/,
    };
    for (const [i, section] of quizSections().entries()) {
      const question = questions[i];
      expect(section.meta, section.id).toMatch(phrase[question.answer.kind]);
      const points = exercise.parts[i].points;
      expect(section.meta, section.id).toMatch(new RegExp(`· ${points} points?$`));
      const options = question.answer.kind === 'choice' || question.answer.kind === 'choices' ? [...question.answer.options] : [];
      expect(section.options, section.id).toEqual(options);
      if (question.answer.kind === 'integers') expect(section.meta, section.id).toContain(`[${question.answer.labels.join(', ')}]`);
    }
  });

  it('the README lists every question with its course.json title and points, and its first hint', () => {
    const text = readme();
    for (const part of exercise.parts) {
      expect(text, part.id).toMatch(new RegExp(`^\\| ${part.id} \\| ${part.title.replace(/[()]/g, '\\$&')} \\| [^|]+ \\| ${part.points} \\|$`, 'm'));
      expect(text, part.id).toContain(`**${part.id}** — ${part.hints[0]}`);
    }
  });

  it('every question links to a section of the COURSE.md chapter that exists', () => {
    const course = readFileSync(new URL('../../COURSE.md', import.meta.url), 'utf8');
    for (const question of questions) {
      const section = /^COURSE\.md › Questions and answers › ([^;]+)/.exec(question.read)?.[1];
      expect(section, question.id).toBeDefined();
      expect(course, `${question.id}: no '### ${section}' in COURSE.md`).toContain(`### ${section}`);
      expect(course, `COURSE.md should name ${question.id}`).toContain(question.id);
    }
  });
});
