// Validates a JSON-LD document against SHACL shapes (Turtle) with rdf-validate-shacl.
// Usage: node validate.mjs <shapes.ttl> <document.jsonld>
// Prints the validation report as JSON; exits 0 when the document conforms, 1 when it does not, 2 on bad input.
// Offline by design: the document must embed its @context; any remote context is refused, never fetched.
import { readFile } from 'node:fs/promises'
import rdf from '@zazuko/env'
import jsonld from 'jsonld'
import { Parser } from 'n3'
import SHACLValidator from 'rdf-validate-shacl'

const [shapesPath, documentPath] = process.argv.slice(2)
if (!shapesPath || !documentPath) {
  console.error('usage: node validate.mjs <shapes.ttl> <document.jsonld>')
  process.exit(2)
}

const refuseNetwork = async (url) => {
  throw new Error(`remote context ${url} refused: the export must embed its @context`)
}

function datasetOf(quads) {
  const dataset = rdf.dataset()
  for (const q of quads) dataset.add(q)
  return dataset
}

function termOf(term) {
  if (term.termType === 'BlankNode') return rdf.blankNode(term.value)
  if (term.termType === 'Literal') return rdf.literal(term.value, term.language || rdf.namedNode(term.datatype.value))
  if (term.termType === 'DefaultGraph') return rdf.defaultGraph()
  return rdf.namedNode(term.value)
}

try {
  const shapes = datasetOf(new Parser({ format: 'text/turtle' }).parse(await readFile(shapesPath, 'utf8')))
  const document = JSON.parse(await readFile(documentPath, 'utf8'))
  const quads = await jsonld.toRDF(document, { documentLoader: refuseNetwork, safe: true })
  const data = datasetOf(quads.map((q) => rdf.quad(termOf(q.subject), termOf(q.predicate), termOf(q.object), termOf(q.graph))))

  const report = await new SHACLValidator(shapes, { factory: rdf }).validate(data)
  const results = report.results.map((r) => ({
    focusNode: r.focusNode?.value ?? null,
    path: r.path?.value ?? null,
    value: r.value?.value ?? null,
    message: r.message.map((m) => m.value),
    severity: r.severity?.value ?? null,
    constraint: r.sourceConstraintComponent?.value ?? null,
    shape: r.sourceShape?.value ?? null,
  }))
  console.log(JSON.stringify({ conforms: report.conforms, triples: data.size, results }, null, 2))
  process.exit(report.conforms ? 0 : 1)
} catch (error) {
  console.error(error?.stack ?? String(error))
  process.exit(2)
}
