// The elevator story (加装电梯) through the gateway, as a front-end would write it: every call typed by the contract
// (ts/generated/contract.ts from contract/openapi.yaml by openapi-typescript) and made with openapi-fetch.
// topic → stages → meeting → vote → ballots → tally → close → resolution → volunteer project → timeline.
//
//   node target/ts/elevator-story.js http://localhost:8080
//
// Needs the local suite with its seeds (./suite.sh up): the community secretary of 江欣苑 does all of it with her own
// token; the city admin only looks up the seeded org units. Prints one JSON line with what it saw; exits 1 on any
// unexpected answer, naming the step.
import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './generated/contract.js';

type Schemas = components['schemas'];
type Stage = Schemas['TopicStage'];

const baseUrl = (process.argv[2] ?? process.env['GATEWAY_URL'] ?? 'http://localhost:8080').replace(/\/$/, '');

class StepFailed extends Error {}

/** The step's answer must have this status; returns the answer for its body and headers. */
function expect<T extends { response: Response }>(step: string, status: number, answer: T): T {
  if (answer.response.status !== status) {
    const error = (answer as { error?: unknown }).error;
    throw new StepFailed(`${step}: expected HTTP ${status}, got ${answer.response.status} ${JSON.stringify(error ?? null)}`);
  }
  return answer;
}

function header(step: string, response: Response, name: string): string {
  const value = response.headers.get(name);
  if (!value) {
    throw new StepFailed(`${step}: no ${name} header`);
  }
  return value;
}

/** A create answers 201 with Location: /api/v1/<resource>/<id>. */
function createdId(step: string, response: Response): string {
  const id = header(step, response, 'Location').split('/').pop();
  if (!id) {
    throw new StepFailed(`${step}: Location names no id`);
  }
  return id;
}

function check(step: string, condition: boolean, detail: string): void {
  if (!condition) {
    throw new StepFailed(`${step}: ${detail}`);
  }
}

async function login(username: string, password: string): Promise<Client<paths>> {
  const anonymous = createClient<paths>({ baseUrl });
  const { data } = expect(`log in as ${username}`, 200,
    await anonymous.POST('/api/v1/auth/token', { body: { username, password } }));
  check(`log in as ${username}`, data !== undefined && data.accessToken.length > 0, 'no access token');
  return createClient<paths>({
    baseUrl,
    headers: { Authorization: `Bearer ${data!.accessToken}`, 'Accept-Language': 'en' },
  });
}

async function unit(client: Client<paths>, code: string): Promise<string> {
  const { data } = expect(`org unit ${code}`, 200, await client.GET('/api/v1/org-units', { params: { query: { code } } }));
  const id = data?.items?.[0]?.id;
  check(`org unit ${code}`, typeof id === 'string', 'not found (are the seeds loaded?)');
  return id!;
}

async function topicEtag(client: Client<paths>, topic: string): Promise<string> {
  const answer = expect('read topic', 200, await client.GET('/api/v1/topics/{id}', { params: { path: { id: topic } } }));
  return header('read topic', answer.response, 'ETag');
}

async function move(client: Client<paths>, topic: string, to: Stage): Promise<void> {
  const ifMatch = await topicEtag(client, topic);
  expect(`topic to ${to}`, 200, await client.POST('/api/v1/topics/{id}/transitions', {
    params: { path: { id: topic }, header: { 'If-Match': ifMatch } },
    body: { to, actor: '江欣苑社区党委', reason: '按程序推进' },
  }));
}

function phone(): string {
  return '139' + String(Math.floor(Math.random() * 100_000_000)).padStart(8, '0');
}

async function main(): Promise<void> {
  const admin = await login('city-admin', 'demo-city');
  const secretary = await login('secretary', 'demo-secretary');
  const community = await unit(admin, 'JXY');
  const building = await unit(admin, 'JXY-C1-B1');
  const suffix = Date.now() % 100_000;

  // volunteer-service: the team that will carry the project
  const leader = createdId('register volunteer', expect('register volunteer', 201, await secretary.POST('/api/v1/volunteers', {
    body: { name: '刘建华', phone: phone(), orgUnitId: community },
  })).response);
  const team = createdId('create team', expect('create team', 201, await secretary.POST('/api/v1/teams', {
    body: { name: `江欣苑加梯助老服务队 ${suffix}`, orgUnitId: community, category: 'ELDER_CARE', leaderId: leader },
  })).response);

  // consultation-service: the topic and its stages
  const topic = createdId('propose topic', expect('propose topic', 201, await secretary.POST('/api/v1/topics', {
    body: { title: '1栋加装电梯', description: '多层住宅老人上下楼难,提议加装电梯', category: 'ELEVATOR_INSTALLATION',
      scopeUnitId: building, proposer: '1栋居民代表' },
  })).response);
  await move(secretary, topic, 'JOINT_REVIEW');
  await move(secretary, topic, 'PUBLIC_DELIBERATION');

  const now = Date.now();
  const meeting = createdId('schedule meeting', expect('schedule meeting', 201, await secretary.POST('/api/v1/meetings', {
    body: { title: '1栋加装电梯议事会', format: 'ROUND_TABLE', topicIds: [topic], startsAt: new Date(now + 3_600_000).toISOString(),
      place: '江欣苑社区议事厅', convener: '社区党委 王芳',
      invited: [{ party: 'PROPERTY_COMPANY', name: '物业' }, { party: 'OWNERS_COMMITTEE', name: '业委会' }] },
  })).response);

  // the owners' vote under Civil Code art. 278
  const owners: Schemas['ElectorInput'][] = [
    { unitId: '1-1-101', ownerName: '王秀英', building: '1', areaM2: 89.5 },
    { unitId: '1-1-201', ownerName: '李强', building: '1', areaM2: 89.5 },
    { unitId: '1-1-301', ownerName: '赵敏', building: '1', areaM2: 102 },
    { unitId: '1-1-401', ownerName: '张建国', building: '1', areaM2: 102 },
  ];
  const vote = createdId('create vote', expect('create vote', 201, await secretary.POST('/api/v1/votes', {
    body: { topicId: topic, title: '1栋加装电梯表决', question: '是否同意加装电梯', matter: 'REBUILD_OR_ALTER', rule: 'OWNERS_MAJOR',
      building: '1', opensAt: new Date(now - 5_000).toISOString(), closesAt: new Date(now + 600_000).toISOString(),
      createdBy: '江欣苑社区党委', electors: owners },
  })).response);
  const voteEtag = async (): Promise<string> => header('read vote', expect('read vote', 200,
    await secretary.GET('/api/v1/votes/{id}', { params: { path: { id: vote } } })).response, 'ETag');
  expect('open vote', 200, await secretary.POST('/api/v1/votes/{id}/open', {
    params: { path: { id: vote }, header: { 'If-Match': await voteEtag() } },
  }));
  for (const owner of owners) {
    expect(`ballot of ${owner.unitId}`, 201, await secretary.POST('/api/v1/votes/{id}/ballots', {
      params: { path: { id: vote } },
      body: { unitId: owner.unitId, choice: 'YES', channel: 'PAPER', evidenceRef: `纸质表决票 ${owner.unitId}`, enteredBy: '居委会 李娜' },
    }));
  }
  const { data: tally } = expect('tally', 200, await secretary.GET('/api/v1/votes/{id}/tally', { params: { path: { id: vote } } }));
  check('tally', tally?.yes?.owners === owners.length, `expected ${owners.length} owners for, got ${JSON.stringify(tally?.yes)}`);
  expect('close vote', 200, await secretary.POST('/api/v1/votes/{id}/close', {
    params: { path: { id: vote }, header: { 'If-Match': await voteEtag() } },
  }));
  const { data: result } = expect('result', 200, await secretary.GET('/api/v1/votes/{id}/result', { params: { path: { id: vote } } }));
  const outcome: Schemas['Outcome'] | null | undefined = result?.outcome;
  check('result', outcome === 'PASSED', `the vote did not pass: ${outcome}`);
  await move(secretary, topic, 'RESOLUTION');

  // the resolution, published; its notice period ends after two seconds
  const resolution = createdId('draft resolution', expect('draft resolution', 201, await secretary.POST('/api/v1/resolutions', {
    body: { topicId: topic, text: '1栋加装电梯一部,费用按楼层分摊', basis: 'VOTE', voteId: vote, responsibleParty: '1栋加梯工作小组',
      createdBy: '江欣苑社区党委' },
  })).response);
  const resolutionEtag = header('read resolution', expect('read resolution', 200,
    await secretary.GET('/api/v1/resolutions/{id}', { params: { path: { id: resolution } } })).response, 'ETag');
  expect('publish resolution', 200, await secretary.POST('/api/v1/resolutions/{id}/publish', {
    params: { path: { id: resolution }, header: { 'If-Match': resolutionEtag } },
    body: { publishedBy: '江欣苑居委会', noticeEndsAt: new Date(Date.now() + 2_000).toISOString() },
  }));
  await new Promise((resolve) => setTimeout(resolve, 2_500));
  await move(secretary, topic, 'IMPLEMENTATION');

  // the volunteer project, created in volunteer-service by consultation-service
  expect('start project', 201, await secretary.POST('/api/v1/resolutions/{id}/project', {
    params: { path: { id: resolution } },
    body: { title: '加梯施工期助老', description: '施工期间为1栋老人代买代送', teamId: team },
  }));
  // the new team's one project, as volunteer-service lists it
  const teamProjects = async () => expect('projects of the team', 200,
    await secretary.GET('/api/v1/projects', { params: { query: { teamId: team } } })).data?.items ?? [];
  const planned = await teamProjects();
  check('projects of the team', planned.length === 1 && planned[0]?.status === 'PLANNED',
    `expected one PLANNED project, got ${JSON.stringify(planned.map((p) => p.status))}`);
  const project = planned[0]?.id ?? '';
  check('projects of the team', project !== '', 'the project has no id');
  const projectEtag = header('read project', expect('read project', 200,
    await secretary.GET('/api/v1/projects/{id}', { params: { path: { id: project } } })).response, 'ETag');
  expect('project under way', 200, await secretary.POST('/api/v1/projects/{id}/start', {
    params: { path: { id: project }, header: { 'If-Match': projectEtag } },
  }));
  const status: Schemas['ProjectStatus'] | undefined = (await teamProjects()).find((p) => p.id === project)?.status;
  check('projects of the team', status === 'IN_PROGRESS', `project is ${status}`);

  // the topic's story, as its timeline tells it
  const { data: timeline } = expect('timeline', 200, await secretary.GET('/api/v1/topics/{id}/timeline', { params: { path: { id: topic } } }));
  const events = timeline?.events ?? [];
  check('timeline', timeline?.stage === 'IMPLEMENTATION', `topic is at ${timeline?.stage}`);
  check('timeline', events.some((e) => e.refId === vote), 'the vote is not on the timeline');
  check('timeline', events.some((e) => e.refId === resolution), 'the resolution is not on the timeline');
  check('timeline', events.some((e) => e.refId === meeting), 'the meeting is not on the timeline');

  console.log(JSON.stringify({ ok: true, topic, meeting, vote, outcome, resolution, project, projectStatus: status,
    stage: timeline?.stage, timelineEvents: events.length, kinds: [...new Set(events.map((e) => e.kind))] }));
}

main().catch((error: unknown) => {
  console.log(JSON.stringify({ ok: false, error: error instanceof Error ? error.message : String(error) }));
  process.exit(1);
});
