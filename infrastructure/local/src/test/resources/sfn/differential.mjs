if (!Promise.withResolvers) Promise.withResolvers = () => { let resolve, reject; const promise = new Promise((res, rej) => { resolve = res; reject = rej; }); return { promise, resolve, reject }; };
// Runs the conformance cases through aws-local-stepfunctions, an independent ASL implementation, and prints
// [{name, output} | {name, error, cause}] as JSON. The Task functions are the same as the Java test's.
import { StateMachine } from 'aws-local-stepfunctions';
import { readFileSync } from 'fs';

class NamedError extends Error {
  constructor(name, message) { super(message); this.name = name; }
}
const functions = {
  Echo: (input) => input,
  Add: (input) => ({ sum: input.a + input.b }),
  Boom: () => { throw new NamedError('Custom.Boom', 'boom'); },
  Flaky: (input) => {
    if (input.attempt < input.until) throw new NamedError('Flaky.Error', 'attempt ' + input.attempt);
    return { succeededOnAttempt: input.attempt };
  },
};

function taskHandlers(machine, into) {
  for (const [name, state] of Object.entries(machine.States)) {
    if (state.Type === 'Task') into[name] = async (input) => functions[state.Resource.split(':').pop()](input);
    for (const branch of state.Branches ?? []) taskHandlers(branch, into);
    if (state.ItemProcessor ?? state.Iterator) taskHandlers(state.ItemProcessor ?? state.Iterator, into);
  }
  return into;
}

function retries(machine, into) {
  for (const [name, state] of Object.entries(machine.States)) {
    if (state.Retry) into[name] = 0;
    for (const branch of state.Branches ?? []) retries(branch, into);
  }
  return into;
}

const cases = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const out = [];
for (const c of cases) {
  try {
    const sm = new StateMachine(c.definition, { validationOptions: { checkArn: false } });
    const execution = sm.run(c.input, {
      overrides: { taskResourceLocalHandlers: taskHandlers(c.definition, {}), retryIntervalOverrides: retries(c.definition, {}) },
    });
    out.push({ name: c.name, output: await execution.result });
  } catch (e) {
    const inner = e.cause ?? e;
    out.push({ name: c.name, error: inner.name, cause: inner.message });
  }
}
console.log(JSON.stringify(out));
