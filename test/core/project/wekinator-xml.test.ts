import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseXml } from '../../../src/core/project/wekinator/xml.ts';
import { XmlFields } from '../../../src/core/project/wekinator/xml-fields.ts';

test('reads elements, attributes, text and line numbers as XStream writes them', () => {
  const xml = [
    '<?xml version="1.0"?>',
    '<OSCOutputGroup>',
    '  <hostName>localhost</hostName>',
    '  <outputs class="linked-list">',
    '    <wekimini.osc.OSCNumericOutput>',
    '      <name>pitch</name>',
    '    </wekimini.osc.OSCNumericOutput>',
    '    <empty/>',
    '  </outputs>',
    '</OSCOutputGroup>',
    '',
  ].join('\n');
  const root = parseXml(xml, 'outputConfig.xml');
  assert.equal(root.name, 'OSCOutputGroup');
  assert.equal(root.line, 2);
  assert.deepEqual(root.children.map((c) => c.name), ['hostName', 'outputs']);
  assert.equal(root.children[0].text, 'localhost');
  const outputs = root.children[1];
  assert.deepEqual(outputs.attributes, { class: 'linked-list' });
  assert.equal(outputs.line, 4);
  assert.equal(outputs.children[0].name, 'wekimini.osc.OSCNumericOutput');
  assert.equal(outputs.children[0].children[0].text, 'pitch');
  assert.equal(outputs.children[0].children[0].line, 6);
  assert.deepEqual(outputs.children[1], { name: 'empty', attributes: {}, children: [], text: '', line: 8 });
});

test('decodes entities, character references and CDATA, and skips comments and a BOM', () => {
  const xml = "\uFEFF<!-- saved by hand --><a x='1 &lt; 2' y=\"&quot;q&quot;\"><!-- c --><b>Tom &amp; Jerry &#233;&#x1F3B5; &apos;hi&apos; &gt;</b><c><![CDATA[<raw & kept>]]></c></a>\n<!-- trailing -->";
  const root = parseXml(xml, 'x.xml');
  assert.deepEqual(root.attributes, { x: '1 < 2', y: '"q"' });
  assert.equal(root.children[0].text, "Tom & Jerry é🎵 'hi' >");
  assert.equal(root.children[1].text, '<raw & kept>');
  assert.equal(root.children.length, 2);
});

test('keeps the spaces inside a name, which Wekinator keeps too', () => {
  assert.equal(parseXml('<s>  two words </s>', 'x.xml').text, '  two words ');
});

function failsWith(xml: string, message: RegExp): void {
  assert.throws(() => parseXml(xml, 'inputConfig.xml'), { name: 'InputError', message });
}

test('damaged XML gives one line naming the file, the line, the column and what is wrong', () => {
  failsWith('', /^inputConfig\.xml, line 1, column 1: the file is empty/);
  failsWith('<a>\n  <b>x</c>\n</a>', /^inputConfig\.xml, line 2, column 7: <\/c> closes <b>, which was opened on line 2/);
  failsWith('<a>\n  <b>x</b>\n', /^inputConfig\.xml, line 1, column 1: <a> is never closed with <\/a>/);
  failsWith('<a>fish &chips;</a>', /line 1, column 9: '&chips;' is not an entity this reader knows \(write &amp; for &\)/);
  failsWith('<a>AT&T</a>', /'&' is not an entity/);
  failsWith('<a x=1/>', /the value of 'x' must be in quotes/);
  failsWith('<a x="1" x="2"/>', /the attribute 'x' is given twice in <a>/);
  failsWith('<a x="1/>', /the quote " that starts the value of 'x' is never closed/);
  failsWith('<a></a><b></b>', /line 1, column 8: only one top-level element is allowed/);
  failsWith('<!DOCTYPE a><a/>', /document type declarations \(<!DOCTYPE>\) are not supported/);
  failsWith('<!-- never ends', /the comment <!-- is never closed with -->/);
  failsWith('hello', /expected an element such as <OSCInputGroup>/);
  failsWith('<a><![CDATA[x</a>', /the <!\[CDATA\[ section is never closed/);
  failsWith('<a b="<"/>', /a < inside a value must be written &lt;/);
  failsWith('<a', /the tag <a> is never closed with >/);
});

test('fields read typed values and say which field of what is wrong', () => {
  const element = parseXml('<o>\n<min> -1.5 </min>\n<n>3</n>\n<b>true</b>\n<t>HARD</t>\n<list><string>a</string><string>b c</string></list>\n<bad>x</bad>\n<odd><int>1</int></odd>\n</o>', 'out.xml');
  const fields = new XmlFields(element, 'out.xml', "output 'pitch'");
  assert.equal(fields.number('min'), -1.5);
  assert.equal(fields.integer('n'), 3);
  assert.equal(fields.boolean('b', false), true);
  assert.equal(fields.boolean('absent', true), true);
  assert.equal(fields.choice('t', ['SOFT', 'HARD'] as const), 'HARD');
  assert.deepEqual(fields.strings('list'), ['a', 'b c']);
  assert.throws(() => fields.number('bad'), { name: 'InputError', message: /^out\.xml, line 7: <bad> of output 'pitch' is 'x', not a number$/ });
  assert.throws(() => fields.integer('min'), { name: 'InputError', message: /^out\.xml, line 2: <min> of output 'pitch' is '-1.5', not a whole number$/ });
  assert.throws(() => fields.boolean('bad', false), { name: 'InputError', message: /<bad> of output 'pitch' is 'x', not true or false/ });
  assert.throws(() => fields.choice('bad', ['SOFT', 'HARD'] as const), { name: 'InputError', message: /<bad> of output 'pitch' is 'x'; expected SOFT or HARD/ });
  assert.throws(() => fields.text('max'), { name: 'InputError', message: /^out\.xml, line 1: output 'pitch' has no <max>$/ });
  assert.throws(() => fields.strings('odd'), { name: 'InputError', message: /<odd> of output 'pitch' should hold only <string> items, not <int>/ });
});
