// Cross-check with an independent mdoc verifier (@auth0/mdl): the wallet side wraps the issued
// IssuerSigned into a DeviceResponse signed with the holder key; the verifier checks the issuer
// signature and chain against the published root, every value digest, validity and device auth.
const fs = require('fs');
const path = require('path');
const dir = process.argv[2] || path.join(__dirname, '../../../../target/mdoc-samples');
const { Verifier, DeviceResponse, parse } = require('@auth0/mdl');
const { cborDecode, cborEncode } = require('@auth0/mdl/lib/cbor');

async function check(config, docType, namespace) {
  const issuerSigned = cborDecode(Buffer.from(fs.readFileSync(path.join(dir, `${config}.b64`), 'utf8').trim(), 'base64url'));
  const mdocBytes = cborEncode({ version: '1.0', documents: [{ docType, issuerSigned }], status: 0 });
  const holder = JSON.parse(fs.readFileSync(path.join(dir, `${config}.holder.jwk`), 'utf8'));
  // every issued element is presented, but issuing_country: ISO 18013-5 wants it to equal the document
  // signer certificate's countryName, and the development certificate says ZZ
  const elements = issuerSigned.get('nameSpaces').get(namespace).map(item => item.data.get('elementIdentifier'))
    .filter(id => id !== 'issuing_country');
  const pd = { id: 'x', input_descriptors: [{ id: docType, format: { mso_mdoc: { alg: ['ES256'] } },
    constraints: { limit_disclosure: 'required',
      fields: elements.map(id => ({ path: [`$['${namespace}']['${id}']`], intent_to_retain: false })) } }] };
  // any SessionTranscript both sides agree on: here [null, null, "cross-check"] as tag-24 bytes
  const transcript = cborEncode(require('@auth0/mdl').DataItem.fromData([null, null, 'cross-check']));
  const response = await DeviceResponse.from(parse(mdocBytes)).usingPresentationDefinition(pd)
    .usingSessionTranscriptBytes(transcript).authenticateWithSignature(holder, 'ES256').sign();
  const encoded = response.encode();
  const checks = [];
  const verified = await new Verifier([fs.readFileSync(path.join(dir, 'root.pem'), 'utf8')]).verify(encoded, {
    encodedSessionTranscript: transcript,
    onCheck: (v, original) => { checks.push(`${v.status} ${v.check}${v.reason ? ' (' + v.reason + ')' : ''}`); original(v); } });
  const doc = verified.documents[0];
  console.log(`${docType}: VERIFIED by @auth0/mdl; presented ${JSON.stringify(doc.getIssuerNameSpace(namespace))}`);
  checks.forEach(c => console.log('  ' + c));
}

(async () => {
  await check('org.iso.18013.5.1.mDL', 'org.iso.18013.5.1.mDL', 'org.iso.18013.5.1');
  await check('eu.europa.ec.eudi.pid_mso_mdoc', 'eu.europa.ec.eudi.pid.1', 'eu.europa.ec.eudi.pid.1');
})().catch(e => { console.error('FAILED:', e); process.exit(1); });
