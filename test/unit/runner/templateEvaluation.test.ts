/**
 * The runner evaluates what the templates and init write, as EIC's Groovy would:
 * System.currentTimeMillis(), intdiv, * / %, java.net.URLEncoder.encode, ternary chains, JDK statics;
 * and an expression it cannot evaluate says which one and where.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CannotEvaluate, evaluateExpression, findTemplateParts, prepareRequest, readCallList, resolveTemplate } from '../../../server/src/core/runner';
import { REPO_ROOT } from '../../support/corpus';

const NOW = Date.UTC(2026, 2, 4, 10, 30, 0);
const clock = { now: () => NOW };
const ev = (e: string, variables: Record<string, unknown> = {}) => evaluateExpression(e, { variables, clock });

describe('Groovy the templates use', () => {
  it('System.currentTimeMillis(), intdiv and arithmetic', () => {
    assert.equal(ev('System.currentTimeMillis()'), NOW);
    assert.equal(ev('System.currentTimeMillis().intdiv(1000) - 172800'), NOW / 1000 - 172800);
    assert.equal(ev('java.lang.System.currentTimeMillis().intdiv(1000)'), NOW / 1000);
    assert.equal(ev('7.intdiv(2)'), 3);
    assert.equal(ev('(-7).intdiv(2)'), -3, 'rounded toward zero, as Groovy');
    assert.equal(ev('2 + 3 * 4'), 14, '* binds tighter than +');
    assert.equal(ev('7 / 2'), 3.5, 'Groovy divides integers into a decimal');
    assert.equal(ev('7 % 3'), 1);
    assert.equal(ev("'ab' * 2"), 'abab');
    assert.throws(() => ev('1.intdiv(0)'), (e: unknown) => e instanceof CannotEvaluate && /intdiv by zero/.test(e.message));
    assert.throws(() => ev('1 / 0'), (e: unknown) => e instanceof CannotEvaluate && /division by zero/.test(e.message));
  });

  it('JDK statics and number/string conversions', () => {
    assert.equal(ev("java.net.URLEncoder.encode('WzE3+/=', 'UTF-8')"), 'WzE3%2B%2F%3D');
    assert.equal(ev("java.net.URLDecoder.decode('a%2Bb+c', 'UTF-8')"), 'a+b c');
    assert.equal(ev('String.valueOf(42)'), '42');
    assert.equal(ev("Integer.parseInt('12') + 1"), 13);
    assert.equal(ev("'12'.toInteger() * 2"), 24);
    assert.equal(ev('Math.max(3, 9)'), 9);
    assert.equal(ev('Math.floorDiv(-7, 2)'), -4);
    assert.equal(ev("task.tasktype.toString() == '14'", { task: { tasktype: 14 } }), true);
  });

  it('says which expression it cannot evaluate, by name', () => {
    for (const [expression, reason] of [
      ['Calendar.getInstance().getTime()', /Calendar\.getInstance\(\) is not a method the preview can evaluate/],
      ['Math.PI', /Math\.PI names a Java class or constant/],
      ["Integer.parseInt('x1')", /not a whole number/],
      ["user.email.padLeft(3)", /\.padLeft\(…\) on string .* is not a method the preview can evaluate/],
    ] as const) {
      assert.throws(() => ev(expression, { user: { email: 'a@b' } }), (e: unknown) => e instanceof CannotEvaluate && reason.test(e.message) && e.message.includes(expression.slice(0, 12)), expression);
    }
    // A capitalised name that is no JDK class is an ordinary (missing) variable, as before.
    const missing: string[] = [];
    assert.equal(evaluateExpression('ServiceAccountOwnerMap.owner', { variables: {}, onMissing: p => missing.push(p) }), undefined);
    assert.deepEqual(missing, ['ServiceAccountOwnerMap.owner']);
  });

  it('names where: "In the body: Cannot evaluate locally: ${…}"', () => {
    const r = prepareRequest({ method: 'POST', url: 'https://api.intercom.io/contacts/search', headers: {}, body: '{"value":${Calendar.getInstance().getTimeInMillis()}}' }, {});
    assert.equal(r.ready, false);
    assert.equal(r.problems[0].where, 'body');
    assert.match(r.problems[0].message, /^In the body: Cannot evaluate locally: \$\{Calendar\.getInstance\(\)\.getTimeInMillis\(\)\}/);
  });
});

/** Every string value of a JSON document. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach(v => strings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach(v => strings(v, out));
  return out;
}

const SAMPLE = {
  user: { email: 'ann@example.com', firstname: 'Ann', lastname: 'Lee', username: 'alee' },
  account: { accountID: '1001004', name: 'ann@example.com' },
  entitlementValue: { entitlementID: '5101', entitlement_value: 'Identity Ops', customproperty1: 'team' },
  task: { id: 'T-77', tasktype: 1 },
  connection: { ticketTypeId: '41', serviceContactId: '65f0c0ffee0000000000aaaa' },
  ticketID: '631', id: '65f0c0ffee0000000000bbbb',
  access_token: 'Bearer ••••', response: { completeResponseMap: { pages: { next: { starting_after: 'WzE3+/=' } } }, email: 'x@y', id: 'c1', objectList: [] },
};

describe('every ${…} of every example evaluates', () => {
  const dir = path.join(REPO_ROOT, 'examples');
  for (const folder of fs.readdirSync(dir)) {
    for (const file of fs.readdirSync(path.join(dir, folder)).filter(f => f.endsWith('JSON.json'))) {
      it(`${folder}/${file}`, () => {
        const values = strings(JSON.parse(fs.readFileSync(path.join(dir, folder, file), 'utf8'))).filter(s => s.includes('${'));
        for (const text of values) {
          // #CONST# mappings: the expression after the marker, with `response` the record.
          const source = text.replace(/^#CONST#/, '').replace(/~#~\w+$/, '');
          const r = resolveTemplate(source, { variables: SAMPLE, dataRoots: new Set(['response']), clock });
          assert.deepEqual(r.problems.map(p => p.message), [], `${file}: ${text.slice(0, 80)}`);
          assert.ok(findTemplateParts(source).every(p => p.closed));
        }
      });
    }
  }
});

describe('what the teammate ticket says for each task', () => {
  const ticket = readCallList(fs.readFileSync(path.join(REPO_ROOT, 'examples', 'intercom-teammates', 'CreateTicketJSON.json'), 'utf8')).calls[0];
  const body = (task: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
    const r = prepareRequest(ticket.template, { ...SAMPLE, ...extra, task }, { clock });
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.missing.filter(m => m !== 'access_token'), [], 'only the token (its own slot) is missing');
    return JSON.parse(r.body!) as { ticket_type_id: string; contacts: unknown[]; ticket_attributes: Record<string, string> };
  };
  it('names the operation, the teammate, the team and the EIC task', () => {
    const add = body({ id: 'T-1', tasktype: 1 });
    assert.equal(add.ticket_type_id, '41');
    assert.deepEqual(add.contacts, [{ id: '65f0c0ffee0000000000aaaa' }]);
    assert.equal(add.ticket_attributes._default_title_, 'Add teammate to team Identity Ops: ann@example.com (EIC task T-1)');
    assert.match(add.ticket_attributes._default_description_, /Team or role: team Identity Ops \(id 5101\)/);
    assert.match(add.ticket_attributes._default_description_, /Intercom teammate ann@example\.com \(id 1001004\)/);
    assert.match(body({ id: 'T-2', tasktype: 2 }).ticket_attributes._default_title_, /^Remove teammate from team Identity Ops/);
    assert.match(body({ id: 'T-14', tasktype: 14 }).ticket_attributes._default_title_, /^Disable teammate/);
    assert.match(body({ id: 'T-8', tasktype: 8 }).ticket_attributes._default_title_, /^Remove teammate: /);
    assert.match(body({ id: 'T-12', tasktype: 12 }).ticket_attributes._default_title_, /^Update teammate/);
    assert.match(body({ id: 'T-6', tasktype: 6 }).ticket_attributes._default_title_, /^Re-enable teammate/);
    assert.match(body({ id: 'T-99', tasktype: 99 }).ticket_attributes._default_title_, /^Teammate change \(EIC task type 99\)/);
  });
  it('a new teammate needs no account and no entitlement (the ternaries never read them)', () => {
    const r = prepareRequest(ticket.template, { user: SAMPLE.user, connection: SAMPLE.connection, task: { id: 'T-3', tasktype: 3 } }, { clock });
    assert.deepEqual(r.missing.filter(m => m !== 'access_token'), [], 'only the token (its own slot) is missing');
    const created = JSON.parse(r.body!);
    assert.equal(created.ticket_attributes._default_title_, 'Create teammate: ann@example.com (EIC task T-3)');
    assert.match(created.ticket_attributes._default_description_, /\(not in Intercom yet\)/);
    assert.match(created.ticket_attributes._default_description_, /Team or role: none/);
  });
});

describe('the incremental search body', () => {
  it('renders a valid JSON body whose window starts two days before now', () => {
    const imp = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'examples', 'intercom-contacts-incremental', 'ImportAccountEntJSON.json'), 'utf8'));
    const http = imp.accountParams.call.call1.http;
    const r = prepareRequest({ method: http.httpMethod, url: http.url, headers: http.httpHeaders, body: http.httpParams, contentType: http.httpContentType }, { access_token: 'x' }, { clock });
    assert.deepEqual(r.problems, []);
    const body = JSON.parse(r.body!);
    assert.equal(body.query.value, NOW / 1000 - 172800);
    assert.deepEqual(body.sort, { field: 'updated_at', order: 'descending' });
    assert.equal(body.pagination.per_page, 150);
  });
});

describe('preview: an expression it cannot evaluate is named with its call and place', () => {
  it('stops that call before anything is sent and says which expression, in which call, where', async () => {
    const { runImport } = await import('../../../server/src/core/runner');
    const imp = {
      accountParams: { connection: 'acctAuth', processingType: 'SequentialAndIterative', call: { call1: { callOrder: 0, stageNumber: 0, listField: 'data', keyField: 'accountID',
        http: { url: 'https://api.intercom.io/contacts/search', httpMethod: 'POST', httpContentType: 'application/json', httpHeaders: { Accept: 'application/json' },
          httpParams: '{"query":{"field":"updated_at","operator":">","value":${Calendar.getInstance().getTimeInMillis()}}}' },
        colsToPropsMap: { accountID: 'id~#~char' } } } },
    };
    let sent = 0;
    const preview = await runImport({ ImportAccountEntJSON: imp }, { send: { fetch: async () => { sent++; throw new Error('no network'); } } });
    assert.equal(sent, 0);
    assert.equal(preview.complete, false);
    assert.equal(preview.problems[0].call, 'call1');
    assert.match(preview.problems[0].message, /^In the body: Cannot evaluate locally: \$\{Calendar\.getInstance\(\)\.getTimeInMillis\(\)\} \(Calendar\.getInstance\(\) is not a method the preview can evaluate\)/);
  });
});
