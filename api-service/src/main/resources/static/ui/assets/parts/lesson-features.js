// The Lesson page's features (stage 7, GET /media_items/{id}/features): the fixed set of numbers, texts and yes/no
// that describe the lesson, grouped and in words with their units. Names, units and meanings are features-v1's
// (orchestrator docs/features.md); a feature this page does not know (a later version) is shown under "Other" as
// the API gives it, and a null is "not known" with the API's note saying why.
import {ApiProblem, get} from '../api.js';
import {clock, h, replace} from '../dom.js';
import {itemPath} from './signed-links.js';

/** A number's format; a value of another type (another version's) is shown as it came. */
const num = format => value => (typeof value === 'number' ? format(value) : String(value));
const count = num(value => Math.round(value).toLocaleString());
const percent = num(value => `${(value * 100).toFixed(Math.abs(value) < 0.1 ? 1 : 0)} %`);
const decimal = (digits, unit = '') => num(value => `${value.toFixed(digits)}${unit}`);
const seconds = num(clock);
const yesNo = value => (typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value));
const text = value => String(value);

// [name, label, format]; groups in reading order
const GROUPS = [
  ['Speech', [
    ['transcript_source', 'Transcript from', value => String(value).replaceAll('-', ' ')],
    ['duration_minutes', 'Length', decimal(1, ' min')],
    ['speech_minutes', 'Speech', decimal(1, ' min')],
    ['speech_share', 'Share of the lesson spoken', percent],
    ['transcript_words', 'Words', count],
    ['transcript_segments', 'Transcript lines', count],
    ['speaking_rate_wpm', 'Speaking rate', decimal(0, ' words/min')],
    ['mean_asr_confidence', 'Speech recogniser confidence', percent]]],
  ['Trading vocabulary', [
    ['keyword_hits', 'Keyword mentions', count],
    ['keyword_terms', 'Distinct terms', count],
    ['keyword_diversity', 'Diversity (1 = no term repeated)', decimal(2)],
    ['keyword_entropy_bits', 'Spread over terms', decimal(2, ' bits')],
    ['keyword_density_per_minute', 'Mentions per minute', decimal(1)],
    ['keyword_ocr_share', 'Read on screen', percent],
    ['first_mention_seconds', 'First mention at', seconds],
    ['last_mention_seconds', 'Last mention at', seconds]]],
  ['Mentions by category', [
    ['keywords_technical_indicator', 'Technical indicators', count],
    ['keywords_price_action', 'Price action', count],
    ['keywords_risk_management', 'Risk management', count],
    ['keywords_order_type', 'Order types', count],
    ['keywords_market_condition', 'Market conditions', count],
    ['keywords_strategy_type', 'Strategy types', count],
    ['keywords_timeframe', 'Timeframes', count],
    ['keywords_chart_pattern', 'Chart patterns', count],
    ['keywords_candlestick', 'Candlesticks', count]]],
  ['Rules taught', [
    ['entry_conditions', 'Entry conditions', count],
    ['exit_conditions', 'Exit conditions', count],
    ['has_stop_rule', 'A stop rule', yesNo],
    ['has_target_rule', 'A profit target', yesNo],
    ['has_sizing_rule', 'A position-sizing rule', yesNo],
    ['direction_hint', 'Direction', text],
    ['timeframe_hint', 'Timeframe', text],
    ['instrument_hint', 'Instrument', text],
    ['indicators_distinct', 'Distinct indicators', count],
    ['indicators_explicit_share', 'Indicators with every parameter stated', percent]]],
  ['Concepts by kind', [
    ['concepts_indicator', 'Indicators', count],
    ['concepts_condition', 'Conditions', count],
    ['concepts_risk_rule', 'Risk rules', count],
    ['concepts_chart_pattern', 'Chart patterns', count],
    ['concepts_candlestick', 'Candlesticks', count],
    ['concepts_timeframe', 'Timeframes', count],
    ['concepts_direction', 'Directions', count],
    ['concepts_instrument', 'Instruments', count]]],
  ['How it teaches', [
    ['bullish_terms', 'Bullish words', count],
    ['bearish_terms', 'Bearish words', count],
    ['sentiment_balance', 'Balance (−1 bearish … +1 bullish)',
      num(value => (value > 0 ? '+' : '') + value.toFixed(2))],
    ['cue_explanations', 'Explanations', count],
    ['cue_examples', 'Examples', count],
    ['cue_steps', 'Steps', count],
    ['cue_questions', 'Questions', count],
    ['teaching_cues_per_minute', 'Teaching cues per minute of speech', decimal(1)]]],
  ['On screen, clips and topics', [
    ['frames', 'Key frames', count],
    ['trading_text_frame_share', 'Frames with trading text', percent],
    ['clips', 'Clips', count],
    ['clip_seconds', 'Length of the clips', seconds],
    ['clip_coverage', 'Lesson covered by clips', percent],
    ['topic_spread', 'Topic spread (0 = one topic)', decimal(3)]]],
];

const KNOWN = new Set(GROUPS.flatMap(([, features]) => features.map(([name]) => name)));

function entry(name, label, value, format) {
  const known = value !== null && value !== undefined;
  const shown = known ? format(value) : 'not known';
  return [h('dt', {}, label),
    h('dd', {'data-feature': name, class: known ? null : 'unknown'}, shown)];
}

function group(title, entries) {
  return entries.length === 0 ? null : h('div', {class: 'feature-group'}, h('h3', {}, title),
    h('dl', {class: 'feature-list'}, entries));
}

export function features(mediaId) {
  const body = h('div', {}, h('p', {class: 'help'}, 'Loading…'));
  (async () => {
    try {
      const set = await get(`${itemPath(mediaId)}/features`);
      const values = set.features || {};
      const other = Object.keys(values).filter(name => !KNOWN.has(name)).sort();
      replace(body,
        h('p', {class: 'help'}, `Stage 7 measured these from what stages 2–6 found (${set.version}, `
          + `${new Date(set.computed_at).toLocaleString()}).`),
        h('div', {class: 'feature-groups'},
          GROUPS.map(([title, list]) => group(title, list.filter(([name]) => name in values)
            .map(([name, label, format]) => entry(name, label, values[name], format)))),
          group('Other', other.map(name => entry(name, name.replaceAll('_', ' '), values[name], text)))),
        set.notes?.length ? [h('h3', {}, 'Why some are not known'),
          h('ul', {class: 'feature-notes'}, set.notes.map(note => h('li', {}, note)))] : null);
    } catch (problem) {
      replace(body, h('p', {class: 'help'}, problem instanceof ApiProblem ? problem.message : String(problem)));
    }
  })();
  return h('section', {class: 'card', id: 'features', 'aria-labelledby': 'features-title'},
    h('h2', {id: 'features-title'}, 'Features'), body);
}
