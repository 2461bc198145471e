import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { botScopes, optionalBotScopes, requestedBotScopes } from '../../src/slack/scopes';
import { createMeetStepCallbackId, stepInputNames, stepOutputNames } from '../../src/slack/step-inputs';

const manifest = JSON.parse(readFileSync(path.join(__dirname, '../../manifests/slack/manifest.json'), 'utf8'));

/** Problems Slack's own schema finds (slackapi/manifest-schema, copied in test/fixtures/slack-manifest-schema). */
function slackSchemaProblems(candidate: { _metadata?: { major_version?: number } }): string[] {
  const version = candidate._metadata?.major_version === 2 ? 'v2' : 'v1';
  const file = path.join(__dirname, '../fixtures/slack-manifest-schema', `slack-manifest.${version}.json`);
  const { $schema: _ignored, ...schema } = JSON.parse(readFileSync(file, 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const check = ajv.compile(schema);
  check(candidate);
  return (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}

describe('Slack app manifest', () => {
  it('passes Slack\'s own manifest schema, as "Create New App → From a manifest" checks it', () => {
    expect(slackSchemaProblems(manifest)).toEqual([]);
  });

  it('the schema check catches what Slack refuses (a shortcut name over 24 characters)', () => {
    const shortcuts = manifest.features.shortcuts.map((s: Record<string, unknown>, i: number) =>
      i === 1 ? { ...s, name: 'Create a Meet from this message' } : s,
    );
    expect(slackSchemaProblems({ ...manifest, features: { ...manifest.features, shortcuts } })).toEqual([
      '/features/shortcuts/1/name must NOT have more than 24 characters',
    ]);
  });

  it('declares /meet with escaping, on /slack/events', () => {
    expect(manifest.features.slash_commands).toEqual([
      expect.objectContaining({
        command: '/meet',
        should_escape: true,
        url: expect.stringMatching(/\/slack\/events$/),
      }),
    ]);
  });

  it('declares the shortcuts the app listens to', () => {
    expect(
      manifest.features.shortcuts.map((s: { type: string; callback_id: string }) => [s.type, s.callback_id]),
    ).toEqual([
      ['global', 'create_meet'],
      ['message', 'create_meet_from_message'],
    ]);
  });

  it('has interactivity, App Home and the events the app handles', () => {
    expect(manifest.settings.interactivity).toEqual({
      is_enabled: true,
      request_url: expect.stringMatching(/\/slack\/events$/),
    });
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual([
      'app_home_opened',
      'app_uninstalled',
      'function_executed',
      'link_shared',
      'tokens_revoked',
    ]);
    expect(manifest.oauth_config.redirect_urls).toEqual([expect.stringMatching(/\/slack\/oauth_redirect$/)]);
  });

  it('asks for exactly the scopes the OAuth install asks for', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...requestedBotScopes].sort());
    expect(botScopes).toEqual(expect.arrayContaining(['commands', 'chat:write', 'users:read', 'users:read.email']));
  });

  it('unfurls meet.rs links only, with links:read and links:write as optional scopes', () => {
    // Only the domain of join links: the sandbox serves no other, and Slack unfurls subdomains too.
    expect(manifest.features.unfurl_domains).toEqual(['meet.rs']);
    expect(Object.keys(optionalBotScopes)).toEqual(expect.arrayContaining(['links:read', 'links:write']));
    expect(botScopes).not.toContain('links:read');
    expect(botScopes).not.toContain('links:write');
  });

  it('declares the Create a Meet step: org-ready, remote runtime, typed inputs the step reads, two outputs', () => {
    expect(manifest._metadata.major_version).toBe(2);
    expect(manifest.settings).toMatchObject({ org_deploy_enabled: true, function_runtime: 'remote' });
    const step = manifest.functions[createMeetStepCallbackId];
    expect(Object.keys(step.input_parameters.properties).sort()).toEqual([...stepInputNames].sort());
    expect(Object.keys(step.output_parameters.properties).sort()).toEqual([...stepOutputNames].sort());
    const inputs = step.input_parameters.properties;
    expect(step.input_parameters.required).toEqual(['organizer']);
    expect(inputs.organizer.type).toBe('slack#/types/user_id');
    expect(inputs.people).toMatchObject({ type: 'array', items: { type: 'slack#/types/user_id' } });
    expect(inputs.duration.type).toBe('integer');
    expect(inputs.template.enum).toEqual(['interview', 'meeting', 'webcast']);
    expect(inputs.guest_access.enum).toEqual(['default', 'none', 'anyone', 'passcode']);
    for (const input of [inputs.template, inputs.guest_access]) {
      expect(input.choices.map((c: { value: string }) => c.value)).toEqual(input.enum);
    }
    // Passcodes go privately to the organizer, never to the workflow's next steps.
    expect(JSON.stringify(step.output_parameters)).not.toMatch(/passcode/i);
    expect(step.output_parameters.required).toEqual(['join_url', 'meet_code']);
  });

  it('the schema check catches a step Slack would refuse (an unknown parameter type)', () => {
    const broken = structuredClone(manifest);
    broken.functions.create_meet.input_parameters.properties.organizer.type = 'slack#/types/user';
    expect(slackSchemaProblems(broken)).toContain(
      '/functions/create_meet/input_parameters/properties/organizer/type must be equal to one of the allowed values',
    );
  });
});
