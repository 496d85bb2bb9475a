/**
 * The project's own judge prompts, in ToolEval's template syntax so that one parser serves both. They
 * ask the same questions as ToolEval's default evaluator, with the same functions, placeholders and
 * verdict values, but are worded independently. Load ToolEval's folder instead for exact ToolEval prompts.
 */
export const DEFAULT_TEMPLATE = `<function>
<name>check_answer_status</name>
<description>
You are reviewing the final reply of an assistant that could call tools to carry out a user's request.
Decide the \`answer_status\` of the reply:
- "Unsolved": the reply apologises, refuses, gives up, or does not actually address the request.
- "Solved": the reply addresses the request directly and you are confident it fulfils it.
- "Unsure": the reply addresses the request directly, but from the reply alone you cannot tell whether it fulfils it.

Request:
{query}
Reply:
{answer}

Give a short explanation and report \`answer_status\` by calling \`check_answer_status\`.
</description>
</function>

<function>
<name>parse_answer_status</name>
<description>
You are reviewing how an assistant worked on a user's request. Below is its complete record as JSON: the
final reply ("final_answer") and the chain of steps ("answer_details"), in which 'tool' nodes hold each
tool call and the response it produced. Decide the \`answer_status\`, applying these checks in order:
1. Every tool call failed or returned an error: "Unsolved".
2. The final reply states things that the tool responses contradict or do not support: "Unsolved".
3. You cannot verify from the tool responses whether the final reply is correct: "Unsure".
4. Successful tool calls produced the information and the final reply fulfils the request with it: "Solved".

Request:
{query}
Record:
{answer}

Give a short explanation and report \`answer_status\` by calling \`parse_answer_status\`.
</description>
</function>

<function>
<name>check_task_solvable</name>
<description>
Below, as JSON, is a user's request ("query") together with the tools an assistant was given
("available_tools"). Decide the \`task_status\` of the request:
- "Unsolvable": the request contains invalid details (for example a malformed e-mail address or phone
  number) or lacks information that is needed to act on it (for example which restaurant to navigate to).
- "Solvable": the given tools are sufficient to fulfil the request.
- "Unsure": you cannot reach a conclusion.

Task:
{task}

Give a short explanation and report \`task_status\` by calling \`check_task_solvable\`.
</description>
</function>

<function>
<name>select_better_answer</name>
<description>
Two assistants worked on the same user request with the help of tools. Their records follow as JSON:
"final_answer" is the reply each one gave, "answer_details" the steps it took.

Request:
{query}

Answer_0:
{answer_0}

Answer_1:
{answer_1}

Pick the better record and report its \`index\`: 0 for Answer_0, 1 for Answer_1. Judge the replies first:
- Completeness: does the reply give everything the request asks for?
- Accuracy: does it truthfully report what was done and what did not work?
- Explanation: if the request was not fulfilled, does it say clearly and correctly why?
Only if the replies are equally good, compare the steps:
- Waste: the share of tool calls that failed or repeated an earlier call.
- Effort: how much text the steps consumed overall.
- Progress: how many of the sub-goals of the request were reached.
- Exploration: how many successful calls with different tools or arguments were made.
The order in which the records are shown must not influence you. If they remain equally good, pick one at random.
Give a short explanation and call \`select_better_answer\`.
</description>
</function>
`;
