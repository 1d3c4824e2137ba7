# Idlib Atlas story: one [cue] per step; see README.md, "Stories".
# Every caption cites where its facts come from as a reader would: an article of shared/seeds by
# number and date ("article 001, 24 Feb 2020"), an outlet and date, or the public record (each row
# of geodata/*.csv names its source); never a file name, which an audience cannot follow.
title = Idlib, 2018-2020: the last opposition stronghold

[cue]
title = Twelve Turkish posts
date = 2018-05-16
view = 36.70,35.80,9.3
layers = areas, front, posts, towns, boundaries
caption = By mid-May 2018 Turkey had twelve observation posts around Idlib under the Astana de-escalation deal (Qasioun News, 16 May 2018; each post with its own sources in the atlas).
notes = The posts ring the opposition-held area. Point at Morek in the south and Surman, Tell Tuqan east of the M5.

[cue]
title = Tehran summit
date = 2018-09-07
layers = areas, front, posts, events, towns, boundaries
highlight = a003-01, a003-02
caption = Erdogan, Putin and Rouhani met in Tehran on 7 September 2018; they found no military solution, and Erdogan warned an assault would be a massacre (article 003, 17 Sep 2018).
notes = Article 003 says "last Friday"; the public record puts the summit on 7 September, which the event row notes.

[cue]
title = The Sochi agreement
date = 2018-09-17
layers = areas, front, posts, events, towns, boundaries
highlight = a004-08
caption = At Sochi on 17 September 2018 Russia and Turkey agreed a demilitarised zone along the front, watched by the Turkish posts (articles 000 and 004; Daily Sabah, 17 Sep 2018).

[cue]
title = The 2019 offensive
date = 2019-04-30
until = 2019-08-20
speed = 14
view = 36.62,35.55,10.0
layers = areas, front, posts, events, flows, arrivals, towns, boundaries
caption = From 30 April 2019 government forces, backed by Russia, pushed into northern Hama and southern Idlib; about 400,000 people fled north by August (article 000; UN OCHA, Aug 2019).
notes = Let the front line move; the flows appear as the UN counts came in.

[cue]
title = Khan Shaykhun falls, Morek encircled
date = 2019-08-23
view = 36.66,35.42,10.8
layers = areas, front, posts, events, towns, boundaries
caption = Khan Shaykhun fell on 21 August 2019; two days later the Turkish post at Morek was surrounded (SOHR/AFP, 21 Aug 2019; Middle East Monitor, 23 Aug 2019).
notes = The post symbol turns from a blue disc to an orange diamond: encircled.

[cue]
title = The winter offensive
date = 2019-12-19
until = 2020-01-28
speed = 7
view = 36.70,35.75,9.8
layers = areas, front, posts, events, flows, arrivals, towns, boundaries
caption = From 19 December 2019 the offensive resumed; bombing emptied Ma'arrat al-Nu'man, pushing out about 110,000 people, before government forces took it on 28 January 2020 (article 002; UN OCHA).

[cue]
title = Turkish soldiers killed near Saraqib
date = 2020-02-03
view = 36.80,35.86,11.3
layers = areas, front, posts, events, towns, boundaries
highlight = a004-01
caption = On 3 February 2020 government shelling killed Turkish soldiers and a civilian near Saraqib - seven soldiers by the article's count - and Turkey struck back (article 004, 3 Feb 2020).
notes = Turkish figures rose during the day (four, five, six soldiers); the article's seven is not final.

[cue]
title = Saraqib taken
date = 2020-02-06
layers = areas, front, posts, events, towns, boundaries
caption = Government forces took Saraqib, at the junction of the M4 and M5 highways, on 6 February 2020 (article 002; al-Masdar News, 6 Feb 2020).

[cue]
title = Nearly a million displaced
date = 2020-02-24
view = 36.70,35.95,9.4
layers = areas, front, flows, arrivals, towns, boundaries
caption = By 24 February 2020 the winter offensive had displaced nearly one million people towards the Turkish border (article 001, 24 Feb 2020; UN OCHA: 948,000 by 23 Feb).
notes = Point at the chart under the timeline: the line reaches about 950,000 here.

[cue]
title = Saraqib changes hands twice more
date = 2020-02-25
until = 2020-03-03
speed = 1
view = 36.80,35.86,11.0
layers = areas, front, posts, events, towns, boundaries
caption = Turkish-backed rebels retook Saraqib on 27 February 2020; government forces were back on 2 March (Reuters, 27 Feb 2020; al-Masdar News, 2 Mar 2020).

[cue]
title = The March ceasefire
date = 2020-03-06
view = 36.70,35.80,9.3
layers = areas, front, posts, events, flows, arrivals, towns, boundaries
caption = Putin and Erdogan agreed in Moscow on 5 March 2020 to freeze the front from 6 March, with a security corridor along the M4 (TRT World, 5 Mar 2020).

[cue]
title = What the winter offensive took
date = 2020-03-06
compare = 2019-12-19
compare-mode = side-by-side
view = 36.72,35.68,9.6
layers = areas, front, posts, towns, boundaries
caption = Left, 19 December 2019; right, 6 March 2020: pushing north along the M5 highway, government forces took Ma'arrat al-Nu'man on 28 January and, for good, Saraqib on 2 March (article 002; al-Masdar News, 2 Mar 2020).
notes = The same view twice: the front before the offensive resumed, and the front the ceasefire froze. Point at Ma'arrat al-Nu'man and Saraqib in each half.
