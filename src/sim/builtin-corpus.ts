/**
 * A small corpus written for Moat, used when the shared data folder is absent (fresh
 * clone, tests). Enough variety for every persona; not a substitute for real prompts.
 */
import type { Corpus, QA } from './corpus.js';

const chat = [
  'What is a good way to learn to cook for someone who has never cooked before?',
  'Can you suggest a name for a small bakery that sells sourdough?',
  'Why is the sky blue during the day and red at sunset?',
  'Help me write a polite email declining a meeting invitation.',
  'What are some fun things to do in Lisbon on a rainy day?',
  'Explain how a mortgage works in simple terms.',
  'Write a short poem about autumn leaves and a quiet street.',
  'How do I keep basil alive on a windowsill?',
  'What is the difference between a virus and a bacterium?',
  'Give me three ideas for a ten-year-old birthday party.',
  'How can I stop procrastinating when working from home?',
  'Summarise the plot of a classic heist movie without spoilers.',
  'Which is healthier: brown rice or quinoa?',
  'How long should I rest between sets when lifting weights?',
  'Translate "where is the train station" into Spanish and French.',
  'What should I pack for a three-day hiking trip?',
  'Is it better to rent or buy a car for a one-year stay abroad?',
  'Tell me a joke about programmers.',
  'How do noise-cancelling headphones work?',
  'What questions should I ask at the end of a job interview?',
  "Draft a short toast for my sister's wedding.",
  'Why do cats knock things off tables?',
  'What is a reasonable monthly budget for groceries for two people?',
  'Recommend some science fiction novels for a beginner.',
  'How do I politely tell a neighbour their dog barks at night?',
  'What is the capital of Australia and why is it not Sydney?',
  'Write a haiku about coffee.',
  'How does compound interest work?',
  'What are the pros and cons of electric cars?',
  'Plan a simple vegetarian dinner menu for six guests.',
  'How do I remove a red wine stain from a carpet?',
  'What causes jet lag and how can I reduce it?',
];

const dialogs = [
  [
    'I want to start running. Where do I begin?',
    'How many times a week at first?',
    'What shoes should I buy?',
  ],
  [
    'Can you help me plan a trip to Japan?',
    'We have ten days in April.',
    'Should we get a rail pass?',
  ],
  [
    'My sourdough is too dense.',
    'I proof it for about 4 hours.',
    'What temperature should my kitchen be?',
  ],
  ['I need a gift for my dad, he likes fishing.', 'Budget is around 50 dollars.'],
  ['Explain recursion to me.', 'Can you show an example in Python?', 'What is a stack overflow?'],
  [
    'How do I write a cover letter?',
    'It is for a junior designer role.',
    'Make it shorter please.',
  ],
  ['What is inflation?', 'Why do central banks raise interest rates?'],
  ['I feel stressed about exams.', 'They start next week.', 'How should I split my study time?'],
];

const hard = [
  'Write a Rust function that parses a CSV file with quoted fields and returns a Vec of records, handling embedded newlines.',
  'Prove that the square root of 2 is irrational, then generalise the argument to the square root of any non-square integer.',
  'Design a rate limiter for a distributed API gateway. Compare token bucket and sliding window approaches.',
  'Write a short story in the style of a noir detective novel set on a space station.',
  'Implement a trie in TypeScript with insert, search and prefix-count operations, with tests.',
  'Explain the CAP theorem with a concrete example involving a shopping cart service.',
  'Given a graph with negative edges, explain when Bellman-Ford is preferable to Dijkstra and write pseudocode.',
  'Write a SQL query that returns the top three salaries per department, handling ties.',
  'Refactor this callback-based Node.js code into async/await and explain error handling differences.',
  'What are the trade-offs between B-trees and LSM trees for a write-heavy workload?',
  'Compose a sonnet about the ocean that follows a strict ABAB CDCD EFEF GG rhyme scheme.',
  'Write a bash script that finds the ten largest files under a directory, excluding .git folders.',
  'Explain how attention works in a transformer to someone who knows linear algebra.',
  'Build a React hook that debounces a value and cancels pending updates on unmount.',
  'Derive the closed form of the Fibonacci sequence using generating functions.',
];

const roles = [
  'You are a helpful assistant.',
  'You are a friendly travel agent who suggests itineraries.',
  'You are a senior software engineer reviewing code for bugs and style.',
  'You are a patient math tutor. Guide the student without giving the answer immediately.',
  'You are a customer support agent for an online bookshop.',
  'You are a concise assistant. Answer in at most three sentences.',
  'You are an expert copy editor. Fix grammar and improve clarity.',
  'You are a fitness coach who designs beginner workout plans.',
];

const math: QA[] = [
  {
    q: 'A baker makes 48 rolls and sells them in bags of 6. Each bag costs $3. How much money does she make if she sells all the bags?',
    a: '48 / 6 = 8 bags. 8 * 3 = 24. The answer is 24.',
  },
  {
    q: 'Tom has 3 times as many marbles as Sara. Together they have 64 marbles. How many does Tom have?',
    a: 'Let Sara have x. Then 4x = 64, x = 16, Tom has 48. The answer is 48.',
  },
  {
    q: 'A train travels 180 km in 2.5 hours. What is its average speed?',
    a: '180 / 2.5 = 72 km/h. The answer is 72.',
  },
  {
    q: 'A shirt costs $40 and is discounted by 15%. What is the sale price?',
    a: '15% of 40 is 6. 40 - 6 = 34. The answer is 34.',
  },
  {
    q: 'Mia reads 12 pages a day. How many days does she need for a 300-page book?',
    a: '300 / 12 = 25. The answer is 25.',
  },
  {
    q: 'A rectangle has perimeter 30 and length 9. What is its area?',
    a: 'Width = (30 - 18) / 2 = 6. Area = 54. The answer is 54.',
  },
  {
    q: 'If 5 pencils cost $2.50, how much do 18 pencils cost?',
    a: 'One pencil costs 0.50. 18 * 0.5 = 9. The answer is 9.',
  },
  {
    q: 'A tank holds 250 litres and fills at 8 litres per minute. How long to fill it from empty?',
    a: '250 / 8 = 31.25 minutes. The answer is 31.25.',
  },
  { q: 'Find all real x such that x^2 - 5x + 6 = 0.', a: '(x - 2)(x - 3) = 0, so x = 2 or x = 3.' },
  { q: 'What is the sum of the interior angles of a hexagon?', a: '(6 - 2) * 180 = 720 degrees.' },
  {
    q: 'How many positive divisors does 360 have?',
    a: '360 = 2^3 * 3^2 * 5, so (3+1)(2+1)(1+1) = 24.',
  },
  {
    q: 'A class has 28 students; 4/7 are girls. How many boys are there?',
    a: '4/7 of 28 = 16 girls, 12 boys. The answer is 12.',
  },
  {
    q: 'Compute the remainder when 7^100 is divided by 5.',
    a: '7 ≡ 2 mod 5; 2^4 ≡ 1; 2^100 = (2^4)^25 ≡ 1. The remainder is 1.',
  },
  {
    q: 'John saves $15 a week. After how many weeks will he have $420?',
    a: '420 / 15 = 28. The answer is 28.',
  },
  {
    q: 'The average of four numbers is 21. Three of them are 18, 25 and 20. What is the fourth?',
    a: '84 - 63 = 21. The answer is 21.',
  },
  {
    q: 'A recipe needs 3 eggs for 8 pancakes. How many eggs for 40 pancakes?',
    a: '40 / 8 = 5; 5 * 3 = 15. The answer is 15.',
  },
  {
    q: 'What is the probability of rolling a sum of 7 with two fair dice?',
    a: '6 favourable outcomes of 36, so 1/6.',
  },
  { q: 'Evaluate the integral of 2x from 0 to 3.', a: 'x^2 from 0 to 3 = 9.' },
  {
    q: 'A car uses 6 litres per 100 km. How much fuel for 450 km?',
    a: '4.5 * 6 = 27 litres. The answer is 27.',
  },
  {
    q: 'Lena is twice as old as her brother. In 5 years the sum of their ages will be 40. How old is Lena?',
    a: '3b + 10 = 40, b = 10, Lena is 20. The answer is 20.',
  },
];

const cot: QA[] = [
  {
    q: 'Could a penguin survive in the Sahara desert without help?',
    a: 'Penguins are adapted to cold climates and the Sahara is extremely hot and dry. So the answer is no.',
  },
  {
    q: 'Is a tomato botanically a fruit?',
    a: 'Fruits develop from the flower ovary and contain seeds; tomatoes do. So the answer is yes.',
  },
  {
    q: 'Would a week be enough time to walk across the United States?',
    a: 'The US is about 4,500 km wide; walking 40 km a day takes over 100 days. So the answer is no.',
  },
  {
    q: 'What do plants need to perform photosynthesis? Options: (A) sand (B) sunlight (C) plastic (D) salt',
    a: 'Photosynthesis converts light energy into chemical energy. So the answer is (B).',
  },
  {
    q: 'Can a single human lift a car by themselves?',
    a: 'Cars weigh over a tonne; the human lifting record is far below that. So the answer is no.',
  },
  {
    q: 'Did the printing press exist before the year 1300 in Europe?',
    a: 'Gutenberg introduced the press around 1440. So the answer is no.',
  },
  {
    q: "What causes ocean tides? Options: (A) wind (B) the moon's gravity (C) fish (D) rain",
    a: "Tides are caused mainly by the moon's gravitational pull. So the answer is (B).",
  },
  {
    q: 'Is water at 120 degrees Celsius and normal pressure a liquid?',
    a: 'Water boils at 100 degrees at sea-level pressure. So the answer is no.',
  },
  {
    q: 'Would a blue whale fit in a standard swimming pool?',
    a: 'Blue whales reach 30 metres; a standard pool is 25 metres. So the answer is no.',
  },
  {
    q: "What is the main gas in Earth's atmosphere? Options: (A) oxygen (B) nitrogen (C) carbon dioxide (D) argon",
    a: 'Nitrogen makes up about 78% of the atmosphere. So the answer is (B).',
  },
  {
    q: 'Can you see the Great Wall of China from the Moon with the naked eye?',
    a: 'The wall is narrow; from 384,000 km it is not visible. So the answer is no.',
  },
  {
    q: 'Do bats use echolocation to navigate?',
    a: 'Many bats emit calls and listen for echoes to find prey. So the answer is yes.',
  },
];

const code: QA[] = [
  {
    q: 'Write a function to reverse the words in a sentence.',
    a: 'def reverse_words(s):\n    return " ".join(s.split()[::-1])',
  },
  {
    q: 'Write a function to check whether a number is prime.',
    a: 'def is_prime(n):\n    if n < 2:\n        return False\n    i = 2\n    while i * i <= n:\n        if n % i == 0:\n            return False\n        i += 1\n    return True',
  },
  {
    q: 'Write a function to find the second largest element in a list.',
    a: 'def second_largest(xs):\n    return sorted(set(xs))[-2]',
  },
  {
    q: 'Write a function that counts vowels in a string.',
    a: 'def count_vowels(s):\n    return sum(c in "aeiouAEIOU" for c in s)',
  },
  {
    q: 'Write a function to merge two sorted lists.',
    a: 'def merge(a, b):\n    out = []\n    i = j = 0\n    while i < len(a) and j < len(b):\n        if a[i] <= b[j]:\n            out.append(a[i]); i += 1\n        else:\n            out.append(b[j]); j += 1\n    return out + a[i:] + b[j:]',
  },
  {
    q: 'Write a function to compute the nth Fibonacci number iteratively.',
    a: 'def fib(n):\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a',
  },
  {
    q: 'Write a function to flatten a nested list.',
    a: 'def flatten(xs):\n    out = []\n    for x in xs:\n        out.extend(flatten(x) if isinstance(x, list) else [x])\n    return out',
  },
  {
    q: 'Write a function that returns the longest common prefix of a list of strings.',
    a: 'import os\ndef lcp(words):\n    return os.path.commonprefix(words)',
  },
  {
    q: 'Write a function to check if a string is a palindrome ignoring case.',
    a: 'def is_pal(s):\n    t = s.lower()\n    return t == t[::-1]',
  },
  {
    q: 'Write a function to rotate a list by k positions.',
    a: 'def rotate(xs, k):\n    k %= len(xs) or 1\n    return xs[-k:] + xs[:-k]',
  },
  {
    q: 'Write a function to compute the greatest common divisor of two integers.',
    a: 'def gcd(a, b):\n    while b:\n        a, b = b, a % b\n    return a',
  },
  {
    q: 'Write a function that groups words that are anagrams of each other.',
    a: 'def group_anagrams(ws):\n    d = {}\n    for w in ws:\n        d.setdefault("".join(sorted(w)), []).append(w)\n    return list(d.values())',
  },
  {
    q: 'Write a function to find the missing number in a list containing 0..n.',
    a: 'def missing(xs):\n    n = len(xs)\n    return n * (n + 1) // 2 - sum(xs)',
  },
  {
    q: 'Write a function that converts a Roman numeral to an integer.',
    a: 'def roman(s):\n    v = {"I":1,"V":5,"X":10,"L":50,"C":100,"D":500,"M":1000}\n    t = 0\n    for a, b in zip(s, s[1:] + " "):\n        t += -v[a] if b != " " and v[a] < v[b] else v[a]\n    return t',
  },
  {
    q: 'Write a function to transpose a matrix given as a list of lists.',
    a: 'def transpose(m):\n    return [list(r) for r in zip(*m)]',
  },
];

const seeds = [
  'Suggest a healthy breakfast that does not include eggs.',
  'Classify the sentiment of the given product review as positive or negative.',
  'Write a haiku about the given season.',
  'Explain the given idiom in plain English.',
  'Generate three interview questions for the given job title.',
  'Convert the given temperature from Celsius to Fahrenheit.',
  'Rewrite the sentence in the passive voice.',
  'List the steps to change a flat bicycle tyre.',
  'Suggest a title for the given paragraph.',
  'Extract all dates mentioned in the given text.',
];

const replies = [
  'Good question. The short answer is that it depends on your goals, but here is a practical way to think about it. First, decide what matters most to you; second, compare a few options side by side; third, start small and adjust as you learn.',
  'Sure! Here is a simple plan you can follow. Start with the basics, practise a little every day, and keep notes on what works. After a couple of weeks you will notice steady progress.',
  'There are a few common reasons this happens. The most likely one is temperature, followed by timing. Try changing one variable at a time so you can tell which one makes the difference.',
  'Here is a draft you can adapt:\n\nHi Alex,\n\nThank you for the invitation. Unfortunately I will not be able to attend this time, but I would be glad to catch up next week if that works for you.\n\nBest regards,\nSam',
  'In simple terms, it works like this: you borrow money, pay it back over time, and pay interest on what you still owe. Early payments are mostly interest; later ones are mostly principal.',
  'Let me walk through it. The key idea is that each step builds on the previous one, so it helps to check your work as you go rather than only at the end.',
  'Here are some options, from cheapest to most expensive, with a short note on each so you can choose what fits your budget and schedule.',
  'The main trade-off is between simplicity and flexibility. The simpler approach is easier to maintain; the flexible one scales better when requirements change.',
  'That is a great idea. To make it work well, keep the scope small at first, get feedback early, and write down what you learn so you can repeat what went right.',
  'Scientists explain this with a well-tested model. Light scatters off molecules in the air, and shorter wavelengths scatter more, which changes the colour we see depending on the angle of the sun.',
  'Here is an example implementation with comments explaining each step, followed by a few tests that cover the edge cases you are most likely to hit.',
  'I would recommend checking three things: the configuration, the version you are running, and the logs from the last failed attempt. Most issues like this come from one of those.',
  'A balanced answer is that both choices can be right. If you value predictability, choose the first; if you value lower cost over time, the second usually wins.',
  'To summarise: the document describes a plan, lists its risks, and proposes a timeline. The main open question is funding for the second phase.',
  'Step one is to gather what you need. Step two is to prepare the space. Step three is to do the work carefully, checking as you go. Finally, clean up and review the result.',
];

const docs = [
  'Meeting notes, 3 March. Attendees discussed the quarterly roadmap. The team agreed to delay the mobile release by two weeks to fix performance issues. Action items: Priya to profile the startup path; Marco to update the release notes; everyone to review the new onboarding flow before Friday.',
  'Customer review: I bought this kettle last month. It boils quickly and looks nice on the counter, but the lid is stiff and the handle gets warm. Customer service replaced a faulty unit within a week, which I appreciated.',
  'Incident report: On Tuesday at 14:05 UTC the payments API returned errors for 11 minutes after a configuration change removed a database index. The change was rolled back at 14:16. No data was lost. Follow-ups: add a migration check and an alert on error rate.',
  'Product description: A lightweight waterproof jacket with taped seams, an adjustable hood and two zip pockets. Packs into its own pocket. Available in four colours and sizes XS to XXL.',
  'Support ticket: The user cannot reset their password because the email never arrives. They checked spam. Their address uses a company domain with strict filtering. Suggested fix: allowlist our sending domain.',
  'Research abstract: We study the effect of sleep duration on short-term memory in adults. Participants who slept fewer than six hours recalled 18% fewer words than those who slept eight hours. Limitations include a small sample.',
  'Lease clause: The tenant shall give sixty days written notice before vacating. The deposit will be returned within thirty days of the end of the tenancy, less any deductions for damage beyond normal wear and tear.',
  'News brief: The city council approved a new bike lane network covering 40 km of streets. Construction begins in spring and will be completed in three phases over two years. Local businesses raised concerns about parking.',
];

/** The built-in corpus (see file comment). */
export function builtinCorpus(): Corpus {
  return {
    source: 'builtin',
    chat,
    dialogs,
    conversations: [],
    hard,
    roles,
    math,
    cot,
    code,
    seeds,
    instructionGen:
      'You are asked to come up with a set of 20 diverse task instructions. Each instruction should be one or two sentences, cover a different kind of task, and avoid repeating verbs. List them with numbers.',
    replies,
    docs: [...docs, ...replies],
    benchmarks: [
      { name: 'gsm8k', items: math },
      { name: 'humaneval', items: code },
      { name: 'mcq', items: cot },
    ],
  };
}
