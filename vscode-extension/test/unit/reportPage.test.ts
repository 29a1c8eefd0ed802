import * as assert from 'node:assert/strict';
import { reportHtmlPath, strictPolicyProblem } from '../../src/core/reportPage';

/** The head of a page as mesaspec writes report.html (HtmlReport.ContentSecurityPolicy). */
const page = (policy: string, body = '') =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${policy}"><style>body{}</style></head><body>${body}</body></html>`;
const strict = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-rX3AyjdzMmiG0xW4kF9kaovXMxagEKszP05UTedDCdM='; base-uri 'none'; form-action 'none'";

describe('the report page the results view shows', () => {
  it('is the report.html beside the report.json', () => {
    assert.equal(reportHtmlPath('/w/runs/A-1/report.json'), '/w/runs/A-1/report.html');
  });

  it("accepts mesaspec's strict policy, with or without a script hash", () => {
    assert.equal(strictPolicyProblem(page(strict, '<script>go()</script>')), null);
    assert.equal(strictPolicyProblem(page("default-src 'none'; style-src 'unsafe-inline'")), null);
  });

  it('refuses a page without a policy, one that allows loads or scripts other than by hash, and one that loads a script', () => {
    assert.match(strictPolicyProblem('<html><head><style></style></head><body></body></html>') ?? '', /no Content-Security-Policy/);
    assert.match(strictPolicyProblem(page("default-src *; script-src 'sha256-a='")) ?? '', /forbid every load/);
    assert.match(strictPolicyProblem(page("default-src 'none'; script-src 'unsafe-inline'")) ?? '', /other than by their hash/);
    assert.match(strictPolicyProblem(page("default-src 'none'; script-src 'sha256-a=' https://x.example")) ?? '', /other than by their hash/);
    assert.match(strictPolicyProblem(page(strict, '<script src="a.js"></script>')) ?? '', /loads a script/);
    // A policy written after the content governs nothing before it.
    assert.match(strictPolicyProblem(`<html><head><style></style><meta http-equiv="Content-Security-Policy" content="${strict}"></head></html>`) ?? '', /no Content-Security-Policy/);
  });
});
