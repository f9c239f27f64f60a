// The built-in sample: a made-up news story written for claimlens (every name in it is invented),
// with direct and reported speech, a pronoun source, anonymous and hedged sourcing, a denial and
// figures worth checking.
export const SAMPLE_TITLE = "Sample: Harbour city approves flood barrier";

export const SAMPLE = `Harbour city approves €240 million flood barrier after record storm

By a staff reporter
Porthaven, 12 March 2024

The city council of Porthaven voted on Tuesday to build a €240 million tidal barrier across the mouth of the Tamsin estuary, four months after Storm Elowen flooded more than 3,000 homes in the old town.

Mayor Ingrid Solberg said that the barrier would protect the harbour for at least 80 years. "We cannot ask people to rebuild their lives every winter," she said at a press conference on Wednesday morning. "This is the largest investment the city has made since the war."

The vote passed by 31 to 12. Councillor Tomas Ekdahl, who leads the opposition Green Coalition, said the cost had been underestimated and that a cheaper network of dunes and wetlands would work just as well. He denied that his party had tried to delay the decision.

According to the National Flood Agency, sea levels along the coast have risen by 21 centimetres since 1950, and storm surges above two metres are now three times as frequent as they were in the 1980s. Unemployment in the old town stands at 9.4%, almost twice the national rate.

Two officials familiar with the negotiations said the European Investment Bank could lend up to €90 million of the cost. The bank reportedly wants the city to raise its own share through a new harbour tax, which would add about €35 a year to the average household bill.

Construction is expected to begin in 2026 and to take five years. Local fishermen's associations have warned that the barrier may disrupt the spring migration of sea trout, and the Norwegian engineering firm Havbygg, which designed a similar structure in Bergen, was brought in to review the plans.

"The science is clear: doing nothing costs more," said Dr Amara Okafor, a coastal engineer at the University of Porthaven. She estimated that the storm caused €410 million in damage, more than the barrier itself.
`;
