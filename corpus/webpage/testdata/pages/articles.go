//go:build ignore

package main

// The stories the evaluation pages carry. They are written for this test
// set (fictional events, real-world shapes): datelines, quotes, numbers,
// subheads, lists and a table, as news copy has them.

var floods = story{
	slug: "floods", title: "Floodwaters force 12,000 from homes as river Severn breaks its banks",
	dek:    "Emergency services evacuate villages in Shropshire and Worcestershire after three days of record rainfall",
	author: "Hannah Lowry", date: "2024-02-11",
	body: []block{
		p(`SHREWSBURY, England — More than 12,000 people were ordered to leave their homes on Sunday after the river Severn rose above its flood defences in three counties, the Environment Agency said, as a third day of torrential rain swept across the west of England.`),
		p(`The agency issued 41 severe flood warnings, meaning a danger to life, along a 90-mile stretch of the river between Welshpool and Tewkesbury. Water levels at the Welsh Bridge gauge in Shrewsbury reached 5.8 metres on Sunday afternoon, higher than during the floods of 2000 and 2020.`),
		p(`"We have never seen the river come up this fast," said Caroline Pearce, who runs a bakery on Frankwell Quay. "At breakfast it was in the car park. By lunchtime it was in the shop." She said she had moved what she could upstairs and left with her two children in a neighbour's van.`),
		h(`Villages cut off`),
		p(`Several villages south of Bridgnorth were cut off entirely when the B4555 and two minor roads were closed. Fire crews used boats to reach about 60 residents in Highley and Hampton Loade, some of whom had refused to leave on Saturday.`),
		p(`West Mercia Police said a man in his seventies was rescued from the roof of his car near Bewdley after he drove into floodwater on a closed road. He was taken to hospital as a precaution. No deaths have been reported.`),
		p(`The Met Office said 142 millimetres of rain had fallen at Lake Vyrnwy, in the river's upper catchment, since Thursday, close to twice the February average. A yellow weather warning for rain remains in place until Tuesday morning.`),
		h(`Defences tested`),
		p(`Temporary barriers erected along the Severn in Bewdley and Ironbridge held overnight, but the agency said water had begun to seep underneath sections at Beales Corner. "The barriers are doing what they were designed to do, but they were not designed for this," said Dave Throup, an area manager for the agency.`),
		p(`The government announced on Sunday evening that households affected would be eligible for grants of up to £500 and a council tax holiday of three months. Critics said the measures were smaller than those offered after the 2020 floods.`),
		p(`Local councils have opened rest centres in Shrewsbury, Telford and Worcester. Residents were advised to check the agency's website before travelling and not to walk or drive through floodwater, which can hide open drains and debris.`),
	},
}

var rates = story{
	slug: "rates", title: "Central bank holds rates at 4.25% but signals cuts could come by summer",
	dek:    "Governor says inflation is falling faster than expected, while two policymakers voted for an immediate reduction",
	author: "Marcus Feldt", date: "2024-03-21",
	body: []block{
		p(`The central bank kept its main interest rate at 4.25 per cent on Thursday for a fifth consecutive meeting, but its governor said the case for lowering borrowing costs "is becoming stronger with every month of data".`),
		p(`Seven of the nine members of the monetary policy committee voted to hold. Two, Ana Ruiz and Peter Haldane, voted for a cut of a quarter of a percentage point, the first time since 2020 that any member has voted to lower rates.`),
		p(`Consumer price inflation fell to 3.1 per cent in February, from 3.9 per cent in January, the lowest level in more than two years. The bank now expects inflation to reach its 2 per cent target in the second quarter, six months earlier than it forecast in November.`),
		p(`"We are not yet at the point where we can cut rates, but things are moving in the right direction," Governor Elena Marsh told reporters. Asked whether a cut in June was possible, she said: "All options are open at every meeting."`),
		h(`Markets react`),
		p(`The currency fell 0.6 per cent against the dollar after the announcement, and yields on two-year government bonds dropped 11 basis points to 3.92 per cent, their lowest since May last year. Traders now price a roughly 70 per cent chance of a cut in June.`),
		p(`Business groups welcomed the change in tone. "Firms have been waiting for a signal like this before committing to investment," said Lena Ahmadi, chief economist at the Chambers of Commerce. Mortgage lenders are expected to lower fixed rates in the coming weeks.`),
		p(`The bank said wage growth, which has kept services inflation high, had slowed to 5.6 per cent in the three months to January. It warned, however, that shipping disruption in the Red Sea could push up goods prices later in the year.`),
		li(`Bank rate: held at 4.25%`, `Vote: 7–2 (two members for a cut to 4.0%)`, `Inflation forecast for Q2: 2.0%`, `Next decision: 9 May`),
		p(`The next decision is due on 9 May, when the bank will also publish new economic forecasts.`),
	},
}

var layoffs = story{
	slug: "layoffs", title: "Software maker Quillon to cut 1,800 jobs as it shifts spending to AI",
	dek:    "The cuts, about 9% of the workforce, fall mostly on sales and customer support",
	author: "Priya Natarajan", date: "2024-01-30",
	body: []block{
		p(`Quillon, the business software company, said on Tuesday it would cut about 1,800 jobs, roughly 9 per cent of its workforce, as it redirects spending towards artificial intelligence products that it expects to drive growth over the next decade.`),
		p(`In a memo to staff, chief executive Tomas Brandt said the company had "hired ahead of demand" during the pandemic and that the cuts would fall mainly on sales, customer support and some engineering teams working on older products.`),
		p(`"These are talented people who did nothing wrong," Mr Brandt wrote. "This is a decision about where we invest, not about their work." Affected employees in the United States will receive at least 16 weeks of severance pay and six months of health coverage.`),
		p(`The company's shares rose 4.2 per cent in after-hours trading. Quillon also raised its revenue forecast for the year to between $8.1 billion and $8.3 billion, from a previous range of $7.9 billion to $8.2 billion.`),
		h(`A wave of cuts`),
		p(`Quillon joins a growing list of technology companies that have announced layoffs this year while increasing investment in AI. According to the tracking site Layoffs.fyi, more than 25,000 tech workers lost their jobs in January alone.`),
		p(`Analysts said the move reflected pressure from investors to show that spending on AI would pay off. "Every software company is being asked the same question: where is the AI revenue?" said Dana Whitfield, an analyst at Corbin Securities.`),
		p(`The company said it expected to record restructuring charges of $210 million to $240 million, most of it in the first quarter. It will report full-year results on 27 February.`),
	},
}

var final = story{
	slug: "final", title: "Rovers win cup final on penalties after 2-2 draw with City",
	dek:    "Goalkeeper Okafor saves twice in the shoot-out to end a 38-year wait for the trophy",
	author: "Sam Whitaker", date: "2024-05-18",
	body: []block{
		p(`Rovers won the cup for the first time in 38 years on Saturday, beating City 4-3 on penalties after a 2-2 draw in a final that swung one way and then the other in front of 84,000 spectators.`),
		p(`Goalkeeper Daniel Okafor was the hero, diving to his left to save from Luca Moretti and then from the captain, Jordan Price, before substitute Tom Ellery scored the winning kick.`),
		p(`City had led twice. Moretti headed them in front after 23 minutes and, after Rovers' Kai Lindqvist equalised with a deflected shot before half-time, Price restored the lead from the penalty spot on 67 minutes.`),
		p(`Rovers' second equaliser came in the 88th minute, when defender Ben Asante rose highest at a corner. "I just closed my eyes and jumped," Asante said afterwards. "I don't think I have ever headed a ball that hard."`),
		h(`Manager's gamble`),
		p(`Rovers manager Ilse Vermeer had made three substitutions with ten minutes of normal time left, bringing on Ellery specifically for the shoot-out. "We practised penalties every day for two weeks," she said. "Tom scored every one of them."`),
		p(`For City, the defeat ends a season in which they also finished second in the league. "It hurts, and it should hurt," manager Graham Oduya said. "We were seven minutes from the cup."`),
		p(`Rovers, who were promoted only two seasons ago, qualify for next season's European competition as a result of the win.`),
	},
}

var fossil = story{
	slug: "fossil", title: "Fossil found in Morocco may be the oldest known sea turtle",
	dek:    "The 120-million-year-old skeleton pushes back the origin of marine turtles by about 10 million years",
	author: "Dr. Ines Carvalho", date: "2023-11-07",
	body: []block{
		p(`Palaeontologists have described a nearly complete fossil turtle from southern Morocco that they say is the oldest known sea turtle, living about 120 million years ago in a shallow sea that once covered much of North Africa.`),
		p(`The animal, named Atlantochelys maroccana, was about 1.2 metres long and had flipper-like front limbs, a sign that it was already adapted to life in the open sea, the team reported in the journal Palaeontology on Tuesday.`),
		p(`Until now, the oldest undisputed sea turtle was Desmatochelys padillai from Colombia, which is about 10 million years younger. "This specimen shows that turtles went back to the sea earlier and faster than we thought," said Karim Benali of Hassan II University in Casablanca, the study's lead author.`),
		h(`A lucky find`),
		p(`The fossil was spotted in 2019 by a local collector in a limestone quarry near Errachidia. Recognising that it was unusual, he contacted the university instead of selling it, Benali said. Preparing the skeleton from the hard rock took almost three years.`),
		p(`Other researchers were cautious. Walter Joyce, a turtle specialist at the University of Fribourg who was not involved in the work, said the age of the rock layer was "well established", but that some features of the skull would need to be compared with other early turtles before the species' place in the family tree was settled.`),
		p(`The skeleton will go on display at the natural history museum in Rabat next year.`),
	},
}

var ruling = story{
	slug: "ruling", title: "Supreme Court strikes down state ban on ranked-choice voting",
	dek:    "The 5-4 decision says the law violated the state constitution's guarantee of free elections",
	author: "Elliot Vance", date: "2024-06-27",
	body: []block{
		p(`The state Supreme Court on Thursday struck down a 2023 law that banned ranked-choice voting in local elections, ruling 5-4 that it conflicted with the state constitution's guarantee of "free and equal" elections.`),
		p(`Writing for the majority, Justice Maria Delgado said the legislature could regulate how elections are run but could not "prohibit a method of counting votes that the people of a city have chosen for themselves". Three cities had adopted ranked-choice voting before the ban.`),
		p(`In a dissent, Chief Justice Robert Klein wrote that the constitution "says nothing about how ballots are to be counted" and that the majority had "substituted its policy preferences for those of the elected legislature".`),
		h(`What happens next`),
		p(`The ruling takes effect immediately, meaning the three cities may use ranked-choice voting in their November elections. The secretary of state's office said it would issue guidance to county election officials within two weeks.`),
		p(`The law's sponsor, state Senator Gail Morrow, said she would propose a constitutional amendment to restore the ban. Such an amendment would need a two-thirds vote in both chambers and approval by voters.`),
		q(`"Today the court listened to the voters of our cities," said Monique Harris, director of the advocacy group Fair Count, which brought the challenge. "They asked for a better way to vote, and they will finally get to use it."`),
		p(`The case drew briefs from more than 20 organisations on both sides.`),
	},
}

var strikes = story{
	slug: "strikes", title: "US strikes militia sites in Iraq and Syria after rocket attack on base",
	dek:    "Pentagon says five facilities used by Kata'ib Hezbollah were hit; Iraqi officials report at least 25 dead",
	author: "Omar Haddad", date: "2019-12-29",
	body: []block{
		p(`BAGHDAD (Wire) — US aircraft struck five sites in western Iraq and eastern Syria on Sunday used by Kata'ib Hezbollah, an Iran-backed militia that Washington blames for a rocket attack that killed an American contractor last week, the Pentagon said.`),
		p(`Iraqi security officials said at least 25 fighters were killed and more than 50 wounded in the strikes near the town of al-Qaim, close to the Syrian border. The militia is part of the Popular Mobilization Forces, an umbrella group of mostly Shi'ite armed factions that is formally part of Iraq's security forces.`),
		p(`"These precision defensive strikes will degrade Kata'ib Hezbollah's ability to conduct future attacks against coalition forces," Pentagon spokesman Jonathan Hoffman said in a statement. He said the targets included weapons storage facilities and command centres.`),
		p(`Iraq's caretaker prime minister, Adel Abdul Mahdi, condemned the strikes as a violation of Iraqi sovereignty, saying he had been told of them only shortly before they took place. The Popular Mobilization Forces said it would respond.`),
		h(`Rising tension`),
		p(`The strikes followed a rocket attack on Friday on the K1 military base near Kirkuk, in which a US civilian contractor was killed and four American service members and two Iraqi personnel were wounded. It was the 11th attack on bases hosting US troops in two months.`),
		p(`Analysts warned that the exchange could draw Iraq further into the confrontation between Washington and Tehran. "Both sides are testing how far they can go," said Renad Mansour of the Chatham House think tank.`),
	},
}

var heatwave = story{
	slug: "heatwave", title: "Heatwave pushes power demand to record as grid operator warns of cuts",
	dek:    "Temperatures above 40C in the south for a fifth day; authorities ask offices to raise thermostats",
	author: "Lucia Ferri", date: "2023-07-19",
	body: []block{
		p(`Electricity demand reached an all-time high on Wednesday as temperatures climbed above 40 degrees Celsius across the south of the country for a fifth consecutive day, and the national grid operator warned that rolling power cuts could not be ruled out.`),
		p(`Peak demand hit 58.4 gigawatts at 3 p.m., beating the previous record of 57.1 gigawatts set during the 2022 heatwave, the operator said. Imports from neighbouring countries were running at their maximum capacity.`),
		p(`The government asked public offices to set air conditioning no lower than 26 degrees and urged businesses to do the same. Hospitals, care homes and water pumping stations would be protected from any cuts, the energy ministry said.`),
		p(`Seven people have died from heat-related causes since Saturday, according to the health ministry, including two agricultural workers. Labour unions called for outdoor work to be halted between noon and 4 p.m. in the worst-affected regions.`),
		tbl([]string{"City", "Wednesday max", "Previous record"}, [][]string{{"Seville", "44.1C", "46.0C (2021)"}, {"Córdoba", "43.6C", "46.9C (2017)"}, {"Murcia", "42.8C", "47.4C (1994)"}}),
		p(`Forecasters expect the heat to ease slightly from Saturday, when a band of cooler air is due to arrive from the Atlantic.`),
	},
}

var wahl = story{
	slug: "wahl", title: "Bürgermeisterwahl: Amtsinhaberin gewinnt knapp im zweiten Wahlgang",
	dek:    "Sabine Kröger setzt sich mit 50,8 Prozent gegen ihren Herausforderer durch",
	author: "Jonas Becker", date: "2024-04-14", lang: "de",
	body: []block{
		p(`Die amtierende Oberbürgermeisterin Sabine Kröger bleibt im Amt. In der Stichwahl am Sonntag erhielt die parteilose Politikerin 50,8 Prozent der Stimmen, ihr Herausforderer Markus Vogt kam auf 49,2 Prozent. Der Abstand betrug nur 612 Stimmen.`),
		p(`Die Wahlbeteiligung lag bei 41,3 Prozent und damit deutlich unter der des ersten Wahlgangs vor zwei Wochen. „Ich danke allen, die mir ihr Vertrauen geschenkt haben, und ich werde auch für alle anderen arbeiten“, sagte Kröger am Abend im Rathaus.`),
		p(`Vogt kündigte an, das Ergebnis prüfen zu lassen. Nach Angaben des Wahlamts gab es in zwei Stimmbezirken Unregelmäßigkeiten bei der Auszählung, die jedoch korrigiert worden seien.`),
		p(`Kröger war vor acht Jahren als erste Frau an die Spitze der Stadt gewählt worden. Ihre zweite Amtszeit beginnt am 1. Juli.`),
	},
}

var greve = story{
	slug: "greve", title: "Grève dans les transports : trois lignes de métro fermées jeudi",
	dek:    "Les syndicats protestent contre la réforme des horaires de travail des conducteurs",
	author: "Camille Moreau", date: "2024-03-07", lang: "fr",
	body: []block{
		p(`Trois lignes de métro resteront fermées toute la journée de jeudi en raison d'une grève des conducteurs, a annoncé mercredi la régie des transports, qui prévoit également un trafic très perturbé sur les lignes de bus.`),
		p(`Les syndicats dénoncent une réforme des horaires qui allongerait les journées de travail de quarante minutes en moyenne. « Nous ne sommes pas contre le dialogue, mais personne ne nous a écoutés », a déclaré Karim Aït-Saïd, secrétaire général du principal syndicat des conducteurs.`),
		p(`La direction affirme que la réforme permettrait d'augmenter la fréquence des rames aux heures de pointe de 15 %. Elle a proposé une prime mensuelle de 120 euros, jugée insuffisante par les grévistes.`),
		p(`Les usagers sont invités à privilégier le télétravail lorsque c'est possible. Une nouvelle réunion de négociation est prévue vendredi.`),
	},
}
