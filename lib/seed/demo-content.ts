import { TEST_SETS } from "../tooleval/types";

/**
 * Made-up demo content, written for this project: two queries per test group with small tool
 * schemas. Nothing here comes from ToolBench; it only lets a newcomer see a populated leaderboard.
 */
type DemoQuery = { testSet: string; queryId: string; text: string; tool: string; api: string; answer: string };

const QUERIES: Omit<DemoQuery, "testSet" | "queryId">[] = [
  { text: "What is the weather in Lisbon tomorrow, in Fahrenheit?", tool: "DemoWeather", api: "forecast", answer: "Tomorrow Lisbon expects 68°F and light wind." },
  { text: "Convert 250 euros to Japanese yen at today's rate.", tool: "DemoFx", api: "convert", answer: "250 EUR is about 40,750 JPY at today's rate." },
  { text: "Find three vegetarian recipes that take under 30 minutes.", tool: "DemoRecipes", api: "search", answer: "Chickpea curry, caprese pasta and a veggie stir-fry." },
  { text: "Which films are showing near Berlin Alexanderplatz tonight?", tool: "DemoCinema", api: "showtimes", answer: "Dune Part Two at 19:30 and Past Lives at 20:15." },
  { text: "Get the latest headline about renewable energy.", tool: "DemoNews", api: "headlines", answer: "Solar capacity grew 30% last year, says the agency report." },
  { text: "How long is the drive from Lyon to Geneva?", tool: "DemoMaps", api: "route", answer: "About 1 hour 50 minutes (150 km) via the A40." },
  { text: "List the public holidays in Canada in May.", tool: "DemoCalendar", api: "holidays", answer: "Victoria Day, on the Monday before May 25." },
  { text: "What is the current price of one Bitcoin in US dollars?", tool: "DemoCrypto", api: "price", answer: "One Bitcoin trades at about 64,200 USD." },
  { text: "Translate 'good morning' into Korean and Finnish.", tool: "DemoTranslate", api: "translate", answer: "Korean: 좋은 아침입니다; Finnish: hyvää huomenta." },
  { text: "Find a hotel in Kyoto under 150 dollars for two nights.", tool: "DemoHotels", api: "search", answer: "Hotel Kanra has rooms at 140 USD per night." },
  { text: "Which airline has the cheapest flight from Madrid to Rome next Friday?", tool: "DemoFlights", api: "cheapest", answer: "I'm sorry, I could not find flights for that date." },
  { text: "Summarise today's football results in the Premier League.", tool: "DemoSports", api: "results", answer: "Arsenal 2-1 Chelsea; Liverpool 3-0 Everton." },
];

export const DEMO_QUERIES: DemoQuery[] = QUERIES.map((query, index) => ({
  ...query,
  testSet: TEST_SETS[Math.floor(index / 2)]!,
  queryId: String(9001 + index),
}));

export const demoApiList = ({ tool, api }: DemoQuery) => [
  {
    category_name: "Demo",
    tool_name: tool,
    api_name: api,
    api_description: `Made-up ${api} endpoint of the ${tool} demo tool.`,
    required_parameters: [{ name: "q", type: "STRING", description: "What to look up", default: "" }],
    optional_parameters: [],
    method: "GET",
  },
];

const toolSchema = ({ tool, api }: DemoQuery) => ({
  name: `${api}_for_${tool.toLowerCase()}`,
  description: `Made-up ${api} endpoint of the ${tool} demo tool.`,
  parameters: { type: "object", properties: { q: { type: "string" } }, required: ["q"], optional: [] },
});

const finish = (finalAnswer: string) =>
  JSON.stringify({ return_type: finalAnswer ? "give_answer" : "give_up_and_restart", final_answer: finalAnswer }, null, 2);

/** A converted answer (spec §1.3) for a demo query; `strong` answers call the tool and finish. */
export const demoAnswer = (query: DemoQuery, method: string, strong: boolean) => {
  const call = { name: toolSchema(query).name, arguments: JSON.stringify({ q: query.text }), response: JSON.stringify({ error: "", response: query.answer }) };
  const finalAnswer = strong ? query.answer : "";
  const finishNode = { role: "tool", message: { name: "Finish", arguments: finish(finalAnswer), response: "" }, next: [] };
  const steps = strong
    ? [{ role: "assistant", message: `I should call ${call.name}.`, next: [] }, { role: "tool", message: call, next: [] }, finishNode]
    : [{ role: "assistant", message: "The tool did not answer; I will give up.", next: [] }, finishNode];
  const chain = [{ role: "system", message: "", next: [] }, { role: "user", message: "", next: [] }, ...steps];
  for (let i = chain.length - 2; i >= 0; i -= 1) (chain[i]!.next as unknown[]).push(chain[i + 1]);

  return {
    query: query.text,
    available_tools: [toolSchema(query), { name: "Finish", description: "Finish the task.", parameters: { type: "object", properties: {} } }],
    answer: {
      method,
      total_steps: chain.length,
      final_answer: strong ? finish(finalAnswer) : finish(""),
      answer_details: [chain[0]!],
    },
  };
};
