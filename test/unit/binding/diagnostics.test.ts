import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, bindingFindings, callDoc, covered, docOf } from './helpers';

const codes = (fs: { code: string }[]) => fs.map(f => f.code);

test('binding-unclosed: the real Jama body, range from ${ to the end of the string, fix inserts }', async () => {
  const text = callDoc('"url": "https://x/users", "httpMethod": "POST", "httpParams": "{\\"phone\\":\\"${user.phonenumber\\",\\"title\\":\\"${user.title}\\"}"');
  const doc = docOf('CreateAccountJSON', text);
  const findings = await bindingFindings(doc);
  const unclosed = findings.filter(f => f.code === 'binding-unclosed');
  assert.equal(unclosed.length, 1);
  assert.equal(unclosed[0].severity, 'error');
  assert.equal(covered(text, unclosed[0]), '${user.phonenumber\\",\\"title\\":\\"${user.title}\\"}');
  assert.match(unclosed[0].message, /Add `}` after `user\.phonenumber`/);
  const fixed = applyFix(text, unclosed[0].fixes![0]);
  assert.ok(fixed.includes('${user.phonenumber}\\",\\"title'));
  assert.deepEqual(await bindingFindings(docOf('CreateAccountJSON', fixed)), []);
  // no JSON error on top of it, and no noise about `title`
  assert.deepEqual(codes(findings), ['binding-unclosed']);
});

test('binding-unclosed at the end of a header value', async () => {
  const text = callDoc('"url": "https://x", "httpHeaders": {"Authorization": "${access_token"}');
  const [f] = await bindingFindings(docOf('UpdateAccountJSON', text));
  assert.equal(f.code, 'binding-unclosed');
  assert.equal(covered(text, f), '${access_token');
  assert.ok(applyFix(text, f.fixes![0]).includes('"${access_token}"'));
});

test('binding-unbalanced: unclosed parenthesis, stray bracket, unterminated single quote', async () => {
  const paren = callDoc('"url": "https://x/${account.accountID.replace(\'a\', \'b\'}"');
  const [p] = await bindingFindings(docOf('UpdateAccountJSON', paren));
  assert.equal(p.code, 'binding-unbalanced');
  assert.equal(p.severity, 'error');
  assert.equal(covered(paren, p), '(');
  assert.match(p.message, /Add the missing `\)`/);

  const stray = callDoc('"url": "https://x/${account.accountID)}"');
  const [s] = await bindingFindings(docOf('UpdateAccountJSON', stray));
  assert.equal(s.code, 'binding-unbalanced');
  assert.equal(covered(stray, s), ')');

  const quote = callDoc('"url": "https://x/${account.accountID == \'a ? 1 : 2}"');
  const [q] = await bindingFindings(docOf('UpdateAccountJSON', quote));
  assert.equal(q.code, 'binding-unbalanced');
  assert.equal(covered(quote, q), '\'');
});

test('binding-empty: ${} with a fix that removes it', async () => {
  const text = callDoc('"url": "https://x/${}/y"');
  const [f] = await bindingFindings(docOf('UpdateAccountJSON', text));
  assert.equal(f.code, 'binding-empty');
  assert.equal(f.severity, 'warning');
  assert.equal(covered(text, f), '${}');
  assert.ok(applyFix(text, f.fixes![0]).includes('"https://x//y"'));
});

test('binding-unknown-variable: member typos with did-you-mean and rename fix', async () => {
  const text = callDoc('"url": "https://x", "httpParams": "{\\"a\\":\\"${user.custompropertry6}\\",\\"b\\":\\"${user.phoneNumber}\\"}"');
  const findings = await bindingFindings(docOf('CreateAccountJSON', text));
  assert.deepEqual(codes(findings), ['binding-unknown-variable', 'binding-unknown-variable']);
  const [typo, casing] = findings;
  assert.equal(typo.severity, 'warning');
  assert.equal(covered(text, typo), 'custompropertry6');
  assert.match(typo.message, /Did you mean `customproperty6`/);
  assert.ok(applyFix(text, typo.fixes![0]).includes('${user.customproperty6}'));
  assert.equal(covered(text, casing), 'phoneNumber');
  assert.match(casing.message, /`phonenumber`.*case-sensitive/);
  assert.ok(applyFix(text, casing.fixes![0]).includes('${user.phonenumber}'));
});

test('binding-unknown-variable: underscore instead of dot (Lessonly) and unknown roots', async () => {
  const text = callDoc('"url": "https://x/${account.accountID}", "httpParams": "{\\"name\\":\\"${entitlementValue_entitlement_value}\\",\\"x\\":\\"${acount.name}\\",\\"y\\":\\"${foo}\\"}"');
  const findings = await bindingFindings(docOf('AddAccessJSON', text));
  assert.deepEqual(codes(findings), ['binding-unknown-variable', 'binding-unknown-variable', 'binding-unknown-variable']);
  const [underscore, typo, unknown] = findings;
  assert.match(underscore.message, /`entitlementValue\.entitlement_value`/);
  assert.ok(applyFix(text, underscore.fixes![0]).includes('${entitlementValue.entitlement_value}'));
  assert.ok(applyFix(text, typo.fixes![0]).includes('${account.name}'));
  assert.equal(unknown.fixes, undefined);
  assert.match(unknown.message, /In AddAccessJSON EIC provides: .*`entitlementValue`/);
});

test('binding-unknown-variable: connection.<key> checked against the ConnectionJSON of the connection', async () => {
  const connectionJson = docOf('ConnectionJSON', '{"authentications":{"acctAuth":{"authType":"oauth2","tokenType":"Bearer","accessToken":"Bearer x","apiKey":"k"}}}');
  const text = callDoc('"url": "https://x", "httpHeaders": {"X-Key": "${connection.apikey}", "X-Other": "${connection.secret}"}');
  const findings = await bindingFindings(docOf('UpdateAccountJSON', text), [connectionJson]);
  assert.deepEqual(codes(findings), ['binding-unknown-variable', 'binding-unknown-variable']);
  assert.match(findings[0].message, /Did you mean `apiKey`/);
  assert.match(findings[1].message, /^Unknown member `secret` in `connection\.secret`: authentication `acctAuth` in ConnectionJSON has no such key/);
  // Without a readable ConnectionJSON nothing can be said.
  assert.deepEqual(await bindingFindings(docOf('UpdateAccountJSON', text)), []);
});

test('binding-out-of-context: ticketID and account in CreateAccountJSON, headers outside pagination', async () => {
  const text = callDoc('"url": "https://x/${ticketID}", "httpParams": "{\\"id\\":\\"${account.accountID}\\"}"');
  const findings = await bindingFindings(docOf('CreateAccountJSON', text));
  assert.deepEqual(codes(findings), ['binding-out-of-context', 'binding-out-of-context']);
  assert.equal(covered(text, findings[0]), 'ticketID');
  assert.match(findings[0].message, /TicketStatusJSON only/);
  assert.match(findings[1].message, /`account\.accountID`.*does not exist in EIC yet/);
  // the same variables are fine where EIC binds them
  const status = callDoc('"url": "https://x/${ticketID}"');
  assert.deepEqual(await bindingFindings(docOf('TicketStatusJSON', status)), []);
  const update = callDoc('"url": "https://x/${account.accountID}"');
  assert.deepEqual(await bindingFindings(docOf('UpdateAccountJSON', update)), []);
  // headers: only in import pagination
  const imp = '{"accountParams":{"connection":"acctAuth","processingType":"SequentialAndIterative","call":{"call1":{"callOrder":0,"stageNumber":0,"http":{"url":"https://x/${headers.Link}","httpMethod":"GET","httpHeaders":{"Authorization":"${access_token}"},"httpContentType":"application/json"},"listField":"data","keyField":"accountID","colsToPropsMap":{"accountID":"id~#~char"},"pagination":{"nextUrl":{"nextUrlPath":"${headers?.Link?.contains(\'next\') ? headers.Link : null}"}}}}}}';
  const impFindings = await bindingFindings(docOf('ImportAccountEntJSON', imp));
  assert.deepEqual(codes(impFindings), ['binding-out-of-context']);
  assert.equal(covered(imp, impFindings[0]), 'headers');
  assert.ok(impFindings[0].offset < imp.indexOf('pagination'));
});

test('binding-bearer-prefix: Bearer ${access_token} with a fix; silent when tokenType is empty', async () => {
  const text = callDoc('"url": "https://x", "httpHeaders": {"Authorization": "Bearer ${access_token}"}');
  const [f] = await bindingFindings(docOf('UpdateAccountJSON', text));
  assert.equal(f.code, 'binding-bearer-prefix');
  assert.equal(f.severity, 'warning');
  assert.equal(covered(text, f), 'Bearer ${access_token}');
  assert.ok(applyFix(text, f.fixes![0]).includes('"Authorization": "${access_token}"'));
  const bearer = docOf('ConnectionJSON', '{"authentications":{"acctAuth":{"authType":"oauth2","tokenType":"Bearer"}}}');
  const [withType] = await bindingFindings(docOf('UpdateAccountJSON', text), [bearer]);
  assert.match(withType.message, /tokenType `Bearer` in authentication `acctAuth`/);
  const raw = docOf('ConnectionJSON', '{"authentications":{"acctAuth":{"authType":"oauth2","tokenType":""}}}');
  assert.deepEqual(await bindingFindings(docOf('UpdateAccountJSON', text), [raw]), []);
});

test('binding-double-quote: a raw quote that cuts the JSON string, and a hint for Groovy double quotes', async () => {
  const cut = '{"call":[{"name":"call1","url":"https://x/${user.title == null ? "a" : user.title}","httpMethod":"GET"}]}';
  const findings = await bindingFindings(docOf('UpdateAccountJSON', cut));
  const quote = findings.find(f => f.code === 'binding-double-quote')!;
  assert.equal(quote.severity, 'warning');
  assert.equal(quote.offset, cut.indexOf('"a"'));
  assert.ok(findings.some(f => f.code === 'binding-unclosed' && /double quote/.test(f.message)));

  const hinted = callDoc('"url": "https://x/${user.title == null ? \\"none\\" : user.title}"');
  const [hint] = await bindingFindings(docOf('UpdateAccountJSON', hinted));
  assert.equal(hint.code, 'binding-double-quote');
  assert.equal(hint.severity, 'hint');
  assert.equal(covered(hinted, hint), '\\"none\\"');
  assert.ok(applyFix(hinted, hint.fixes![0]).includes("${user.title == null ? 'none' : user.title}"));
});

test('no checks where EIC does not evaluate ${…}: listField, keyField, plain mapping paths', async () => {
  const text = '{"accountParams":{"connection":"acctAuth","processingType":"SequentialAndIterative","call":{"call1":{"callOrder":0,"stageNumber":0,"http":{"url":"https://x","httpMethod":"GET","httpHeaders":{"Authorization":"${access_token}"},"httpContentType":"application/json"},"listField":"${data","keyField":"${foo}","colsToPropsMap":{"accountID":"${nope~#~char","name":"#CONST#${response.login.toLowerCase()}~#~char"}}}}}';
  assert.deepEqual(await bindingFindings(docOf('ImportAccountEntJSON', text)), []);
});

test('common real expression forms produce no findings', async () => {
  const expressions = [
    "${response?.completeResponseMap?._links.next==null?null:response.completeResponseMap._links.next}",
    "${response?.objectList?.size()>0?'@HOST_URL@/api/v1/users?page='+Math.addExact(response.completeResponseMap.page,1)+'&per_page='+response.completeResponseMap.per_page:null}",
    "${headers?.Link?.split(',')?.size()==4?headers?.Link?.split(',')[2]?.replace('<', '')?.replace('>;rel=\\\"next\\\"','')?.trim():null}",
    "${response.completeResponseMap.get('@odata.nextLink')}",
    "${response?.completeResponseMap?.next ?: null}",
  ];
  for (const e of expressions) {
    const text = `{"accountParams":{"connection":"acctAuth","processingType":"SequentialAndIterative","call":{"call1":{"callOrder":0,"stageNumber":0,"http":{"url":"https://x","httpMethod":"GET","httpHeaders":{"Authorization":"\${access_token}"},"httpContentType":"application/json"},"listField":"data","keyField":"accountID","colsToPropsMap":{"accountID":"id~#~char","customproperty2":"#CONST#\${String a = response.first; String b = response.last; return a + '~' + b}~#~char"},"pagination":{"nextUrl":{"nextUrlPath":${JSON.stringify(e)}}}}}}}`;
    assert.deepEqual(await bindingFindings(docOf('ImportAccountEntJSON', text)), [], e);
  }
  const prov = [
    "${user.title==null?'':user.title}",
    "${new java.text.SimpleDateFormat('yyyy-MM-dd').format(new Date())}",
    "${entitlementValue.entitlementID.replace(' ', '%20')}",
    "${[user.firstname, user.lastname].findAll{ it }.collect{ v -> v.trim() }.join(' ')}",
    "${List l = []; for (String s : user.email.split(',')) { l.add(s) }; return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(l)}",
    "${response.call1.message.items.eachWithIndex{ v, i -> v.id }}",
  ];
  for (const e of prov) {
    const text = callDoc(`"url": "https://x/\${account.accountID}", "httpParams": ${JSON.stringify(`{"v":"${e}"}`)}`);
    assert.deepEqual(await bindingFindings(docOf('AddAccessJSON', text)), [], e);
  }
});
