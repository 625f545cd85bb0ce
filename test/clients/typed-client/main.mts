/**
 * Runs the scenario as an integrator's Node program would: its input from the JSON file named on
 * the command line, what it saw as JSON on stdout.
 */
import { readFileSync } from 'node:fs';
import { type ScenarioInput, scenario } from './scenario.mjs';

const input = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as ScenarioInput;
process.stdout.write(`${JSON.stringify(await scenario(input))}\n`);
