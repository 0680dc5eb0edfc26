/**
 * Words travellers use for the same thing, for any trip (nothing here is about one trip: a
 * trip's own phrasings go in its file, under `also:`). Each line is one group; phrases are
 * separated by commas. A question and an entry that use different members of a group match.
 *
 * A typed word one letter off a member of five letters or more counts as that member, so a
 * member one letter from a common word is left out or listed in a form that is not: "policing"
 * stands for "police" (same stem), which is one letter from "policy"; "speaker" has a line of its
 * own so that it is not read as "sneaker". A phrase wins over its words, so "life jacket" and
 * "inner tube" have lines that keep them from meaning a coat or the metro. A phrase in two
 * groups means both ("hand luggage" is luggage); a test lists every such phrase.
 *
 * The search reads these stemmed, from bot/answer/built-in-phrases.ts: run `npm run phrases`
 * after editing them (a test fails until then).
 */
const GROUPS = `
bus, buses, coach, shuttle, minibus, transfer
bib, race number, bib number, start number, race bib, number bib
cutoff, time limit, course closes, closing time, sweep bus, cut off time, too slow
phone, mobile, cell, cellphone, cell phone, smartphone, iphone, android
sim, sim card, esim, e-sim, roaming, network coverage
money, cash, currency, credit card, debit card, visa card, mastercard, amex, atm, cash machine, bank card, pay, payment, cashpoint, cash point, bank machine, contactless, cashless, venmo, paypal, zelle, monzo, alipay, wechat pay, bank transfer, wire transfer, money transfer, exchange rate, bureau de change, forex
photo, photograph, picture, pic, pics, selfie, snap, photography
camera, gopro, go pro, video, videos, film, filming, camcorder, dslr, vlog
hotel, accommodation, lodging, lodge, hostel, hotel room, staying, where are we staying, riad, guesthouse, guest house, inn, ryokan, airbnb, resort, motel, chalet, villa, homestay, home stay, dorm, dormitory, mountain hut, rifugio, where do we sleep, where are we sleeping, twin room, twin rooms, double room, double rooms, shared room, shared rooms
flight, flights, plane, fly, flying, airline, airplane, aeroplane, aircraft
airport, terminal
food, meal, meals, eat, eating, restaurant, dining, catering
water, drink, hydration, aid station, water station, refreshment, refreshments, gel, gels
toilet, bathroom, restroom, loo, wc, portaloo, lavatory, washroom, porta potty, portapotty, port a loo, latrine, comfort stop, flush
luggage, baggage, suitcase, suitcases, checked bag, check in bag, hold bag, main bag, big bag, wheelie bag, wheelie case, roller bag, holdall, duffel, duffle, bag allowance, hand luggage, hand baggage, cabin luggage, cabin baggage, carry on luggage
bag, bags, backpack, rucksack, bag drop, bag check, gear check, daypack, day pack, knapsack
doctor, medical, hospital, clinic, first aid, sick, ill, injury, injured, medic, ambulance, physician, paramedic, urgent care, emergency room, accident and emergency, unwell
wifi, wi-fi, internet, data, online, email, wireless, hotspot, hot spot
passport, identification, photo id, id card, identity card, national id, proof of identity, proof of id, travel document
drone, quadcopter, uav, dji, dji mavic, dji mini, multicopter, unmanned aircraft, model aircraft
visa, esta, tourist card, entry permit, evisa, etias, travel authorisation, travel authorization
weather, temperature, forecast, rain, rainy, cold, hot, warm, wind, windy, humid
clothes, clothing, wear, dress, outfit, layers
dress code, modest, modestly, modest clothing, cover up, cover your shoulders, cover shoulders, wear shorts, wearing shorts, in shorts, short skirt, short skirts, miniskirt, mini skirt, sleeveless, tank top, vest top, crop top, strappy top, spaghetti straps, bare shoulders, shoulders covered, covered shoulders, cover my shoulders, cover knees, cover your knees, cover my knees, knees covered, headscarf, head scarf, head covering, cover your hair, cover my hair
insurance, insured, insure
collect, collection, pick up, pickup, pick-up
check in, check-in, checkin
night, dark, after dark, nighttime, night time
check out, check-out, checkout, late checkout, late check out
leave, leaves, leaving, depart, departs, departure, set off, fly home, fly out, head home, go home, going home
arrive, arrival, arriving, land, landing, get there, fly in, fly into, meet us, picks us up, pick us up
ferry, boat
tip, tipping, tips, gratuity, baksheesh, service charge, tip kitty, tipping kitty, bakshish, backsheesh
cost, costs, price, prices, fee, fees, expensive, cheap, how much is, how much are, how much does, how much do, how much will
shop, shopping, souvenir, souvenirs, gift, buy
religious, religion, bible, quran, koran, scripture, prayer book
political, politics, propaganda
alcohol, beer, wine, booze, drinking alcohol, liquor, spirits, hard liquor, vodka, whisky, whiskey, gin, rum, soju, cocktail, pint, drinking age, open bar, byob, bevvies, grog, cider, champagne, prosecco, tequila, sangria, tinnies, get drunk, getting drunk, drink in public, drinking in public, public drinking, drink in the street, drinking in the street, alcoholic drinks, alcoholic drink, alcoholic beverages
smoke, smoking, cigarette, cigarettes, vape, vaping, tobacco, cigar, cigs, ciggies, e-cigarette, e-cig, ecig, vape pen, juul, nicotine, shisha, hookah, electronic cigarette, electronic cigarettes, disposable vape, elf bar, elfbar, iqos, heated tobacco, snus, chewing tobacco, rolling tobacco, roll ups, rollies, durries, ciggie, ciggy, cigarillo, nargile, water pipe
medicine, medication, medications, pills, tablets, prescription, drugs, pharmacy, chemist, drugstore, meds, over the counter
emergency, urgent, sos
headphones, earphones, earbuds, music, airpods, air pods, earpods, headset, in-ear headphones, bone conduction headphones, shokz, aftershokz, ipod, mp3 player, music player
time change, daylight saving, dst, clocks go back, clocks change, clock change
map, course map, route
guide, guides, tour leader, organiser, organizer, minder, tour guide, trip leader, group leader, tour manager, chaperone, trip lead, group lead, tour lead, team leader
dinner, supper, evening meal, banquet, gala dinner, dinner party
party, celebration, celebrate, reception, get-together
pasta, carb loading, carbo loading, carb load, carbs
breakfast, morning meal, brekkie
gps, gps watch, tracker
gun, weapon, knife, knives, blades, bladed items, sharp objects, sharp items, penknife, pen knife, pocket knife, pocketknife, swiss army knife, multitool, multi tool, leatherman, machete, razor blades, box cutter, stanley knife, utility knife, firearm, firearms, pistol, handgun, ammunition, ammo, pepper spray, bear spray, taser, stun gun, knuckle duster, brass knuckles, swords, crossbow, slingshot, toy gun, replica gun, imitation firearm, bb gun, airsoft
military, soldier, soldiers, army, checkpoint, troops, armed forces, military personnel, servicemen, army base, military base, barracks, sentry, sentries, border guards
start line, starting line, start corral, corral
finish line, finishing line
toilet paper, tissues
charger, adapter, adaptor, plug, socket, power, power outlet, electrical outlet, wall socket, power point, voltage, volts, plug converter, voltage converter, charging cable, charging point, charging station
language, languages, translate, translator, translation
vegetarian, vegan, diet, dietary, allergy, allergies, gluten, intolerance, lactose, coeliac, celiac, halal, kosher, pescatarian, veggie, plant based
laundry, washing machine, do my washing, clothes washing, wash clothes, wash my clothes, launderette, laundrette, laundromat, dry cleaning, dry cleaner, tumble dryer
meet, meeting point, meeting place, meet up, meetup, gather, assemble, rendezvous, assembly point, muster point, gathering point, rally point, regroup
refund, refunds, cancel, cancellation, money back
taxi, taxis, cab, uber, lyft, didi, careem, minicab, black cab, rideshare, ride share, ride hailing
sunscreen, sun cream, suncream, sunblock, sun block, sun screen, spf, sun lotion, suntan lotion, sun tan lotion
hire, rent, rental, renting
locker, lockers, left luggage, bag storage, cloakroom, luggage storage, baggage storage, luggage room, coat check
jacket, coat, raincoat, anorak, cagoule, windbreaker, windcheater
hand luggage, hand baggage, carry on, carryon, cabin bag, cabin luggage, cabin baggage, carry on bag, carry on luggage, personal item
power bank, powerbank, portable charger, battery pack, external battery, lithium battery
paracetamol, acetaminophen, tylenol, panadol, calpol, panamax
ibuprofen, advil, nurofen, motrin, brufen
aspirin, disprin, aspro, ecotrin
codeine, co-codamol, cocodamol, solpadeine, panadeine, nurofen plus, tylenol 3, tylenol with codeine
antihistamine, cetirizine, zyrtec, piriteze, reactine, loratadine, claritin, clarityn, fexofenadine, allegra, telfast, chlorphenamine, chlorpheniramine, piriton, benadryl, diphenhydramine
pseudoephedrine, sudafed, decongestant
loperamide, imodium, anti diarrhoea, antidiarrhoeal, anti diarrheal, antidiarrheal
oral rehydration, rehydration salts, rehydration sachets, dioralyte, hydralyte, pedialyte, electrolyte sachets
motion sickness, travel sickness, seasick, sea sickness, carsick, car sick, airsick, kwells, stugeron, cinnarizine, dramamine, hyoscine, scopolamine, scopoderm, meclizine, bonine, sea band
altitude sickness, mountain sickness, acute mountain sickness, altitude illness, diamox, acetazolamide, soroche
antimalarial, anti malarial, malaria tablets, malaria pills, malarone, atovaquone, doxycycline, lariam, mefloquine, chloroquine, malaria
painkiller, pain killer, pain relief, pain reliever, analgesic
epipen, epi pen, adrenaline pen, adrenaline auto injector, auto injector, autoinjector, epinephrine, anapen, jext, emerade
inhaler, asthma inhaler, asthma pump, ventolin, salbutamol, albuterol, blue inhaler
vaccination, jab, immunisation, immunization, inoculation, flu shot, covid shot, tetanus shot, booster shot, travel shots, vaccine passport, yellow fever, icvp
insect repellent, mosquito repellent, repellent, bug spray, mosquito spray, insect spray, deet, picaridin, icaridin, mozzie spray, aerogard, jungle formula, smidge
mosquito, mozzie, mossie
cannabis, marijuana, weed, ganja, thc, drugs, illegal drugs, recreational drugs, narcotics, illicit drugs, controlled substances, street drugs, party drugs, hashish, spliff, cbd, cbd oil, cocaine, mdma, ecstasy, ketamine, lsd, magic mushrooms, shrooms, psilocybin, heroin, meth, methamphetamine
policing, cops, policeman, policemen, policewoman, police officer, gendarmes, gendarmerie, carabinieri, guardia civil, tourist police, traffic police, riot police
embassy, consulate, consular, high commission
stolen, theft, thief, thieves, pickpocket, robbery
lost, lose, lost property, lost and found, lost & found, misplaced
time zone, timezone, time difference
jet lag, jetlag
late, running late, punctual, on time
free time, spare time, downtime, own time, leisure time, at leisure, free afternoon, free evening, free morning, free day, rest day, day off, time off
curfew, lights out, bedtime, bed time
quiet hours, quiet time, noise, noisy, loud, loud music, too loud, make noise, making noise, play music, playing music, keep the noise down
contact number, phone number, mobile number, cell number, telephone number, contact details, contact info, number to call, who do i call, who should i call, who to call, get in touch, keep in touch
roommate, room mate, roomie, rooming list, share a room, room share, twin share
whatsapp, group chat, wechat, messenger, telegram
social media, instagram, insta, facebook, tiktok, twitter, snapchat
vpn, virtual private network, great firewall
boarding pass, boarding card
arrival card, landing card, immigration card, arrival form, immigration form, disembarkation card
immigration, passport control, border control, immigration control
customs, customs declaration, customs form, declare
driving licence, driving license, drivers licence, drivers license
layover, stopover, connecting flight
rail, railway, railroad, train station, railway station, rail station, train journey, train ride, by train, high speed train, bullet train
metro, subway, tube, underground, u-bahn, mrt, mtr
inner tube, spare tube
public transport, public transit, mass transit
travelcard, transit card, metro card, metrocard, oyster card, opal card, myki, octopus card, suica, pasmo, navigo
bike, bicycle, push bike, pushbike
lunch, lunchtime, midday meal, packed lunch, lunch box, lunchbox, bagged lunch, sack lunch, box lunch
shoe, footwear, trainers, sneakers, running shoes, walking shoes, tennis shoes, gym shoes, athletic shoes
hiking boots, walking boots, trekking boots, hiking shoes
flip flops, flipflops, thong, jandals, sandals
swimsuit, swim suit, swimwear, swimming costume, bathing suit, bathing costume, cossie, cozzie, togs, bikini, swim trunks, board shorts, boardshorts
trousers, pant, long pants, long trousers
jumper, sweater, pullover, fleece, hoodie, sweatshirt
glove, mittens, mitt
hat, sun hat, sunhat, baseball cap
beanie, woolly hat, wooly hat, warm hat, toque, tuque, bobble hat
sunglasses, sun glasses, sunnies
hi vis, high vis, high visibility, reflective vest, reflective jacket, safety vest
life jacket, lifejacket, life vest, buoyancy aid, pfd, personal flotation device
umbrella, brolly
headlamp, head lamp, head torch, headtorch, flashlight
trekking poles, hiking poles, walking poles, nordic poles, walking sticks
hike, trek, bushwalk, hillwalking, hill walking
dive, scuba, scuba diving
dive certification, dive cert, c card, certification card, dive card, cert card, padi card, dive licence, dive license
wetsuit, wet suit
ski pass, lift pass, lift ticket, ski lift pass
ski school, ski lessons, ski class, ski instructor
slope, piste, ski run
chairlift, chair lift, ski lift, drag lift, button lift, t-bar
kick off, kickoff, tip off, tipoff, first pitch, puck drop
campsite, camp site, campground, camping ground, camping area
room safe, hotel safe, in room safe, safety deposit box, safe deposit box
air conditioning, air con, aircon, air conditioner
toiletries, toiletry bag, wash bag, washbag, sponge bag, dopp kit
supermarket, grocery store, groceries, convenience store, corner shop, minimart, mini mart, bodega, konbini
changing room, locker room, changing area, changing facilities
speaker, bluetooth speaker, portable speaker
permission slip, consent form, permission form, parental consent
alone, on my own, by myself, on your own, by yourself, on our own, by ourselves, solo, unaccompanied, buddy, with a buddy, buddy system, in pairs, in twos, at least one other person, wander off, leave the group, go off alone, go off on my own, unsupervised, without supervision, unchaperoned, separate from the group, stay with the group, stay in your group, stick together, in groups, in a group, groups of three, groups of 3, group of three, in threes
off piste, off-piste, backcountry, back country, sidecountry, side country, out of bounds, ungroomed, off the marked runs, off the pistes
cook, cooking, cooker, stove, camping stove, gas stove, camp stove, bbq, barbecue, barbeque, grill, disposable barbecue, open fire, campfire, camp fire, fire pit, jetboil, primus stove, camping gas, gas canister, gas canisters, gas cartridge, butane, trangia, portable stove, hotplate, hot plate, rice cooker, braai, bonfire, bonfires, light a fire, light fires, make a fire, build a fire, start a fire
interior, interiors, inside of, go inside, penetration, penetrate
original packaging, original container, original box, pill box, pillbox, pill organiser, pill organizer, dosette box, pill case, blister pack
wildlife, wild animals, wild animal, animals in the wild
touching, pet the, pet them, stroke the, cuddle, cuddling
stray animals, stray dogs, stray cats, street dogs, street cats, feral dogs, feral cats
security guard, security guards, security staff, bouncer, bouncers, night guard, night watchman
naked flame, naked flames, open flame, open flames, candle, candles, tealight, tealights, tea light, tea lights, incense sticks, joss sticks, oil burner
fireworks, firework, firecrackers, fire crackers, sparklers, pyrotechnics, smoke bomb, smoke bombs
littering, rubbish, trash
graffiti, vandalism, vandalise, vandalize, deface, defacing
go for a dip, have a dip, take a dip, a dip, quick dip, wild swimming, swim, swimming
rip current, rip currents, riptide, rip tide, undertow
nakedness, nude, nudity, in the nude, starkers, skinny dipping
plastic bag, plastic bags, carrier bag, carrier bags, plastic carrier bag, plastic carrier bags, shopping bag, shopping bags, polythene bag, polythene bags
selfie stick, selfie sticks, monopod, selfie pole
motorbike, motorbikes, motorcycle, motorcycles, scooter, scooters, mopeds, vespa, motorbike taxi, motorcycle taxi, boda boda, xe om
e-scooter, e scooter, escooter, electric scooter, kick scooter
hitchhike, hitchhiking, hitch a ride, thumb a lift, hitching
off trail, off the trail, off the path, off path, leave the trail, leave the path, off road, off-road, offroad
haggle, haggling, bargaining, barter, bartering
place of worship, places of worship, religious site, religious sites, holy site, holy sites, sacred site, sacred sites, house of worship
church, churches, cathedral, cathedrals, basilica
mass, church service, liturgy, eucharist, pilgrims mass, pilgrim mass
mass start, mass starts
meat products, meat, beef jerky, biltong, salami, chorizo, cured meat, dried meat
antiques, antiquities, artefacts, artifacts, relics
wild camping, wild camp, freedom camping, bivvy, bivouac, stealth camping
jet ski, jetski, jet skis, waverunner, personal watercraft
quad bike, quad bikes, quad biking, atv, four wheeler
nightclub, nightclubs, night club, clubbing, disco, discotheque
livestream, livestreamed, livestreaming, live stream, live streaming, go live, going live, insta live, instagram live, facebook live, tiktok live, broadcast live
partner, partners, spouse, husband, wife, hubby, other half, boyfriend, girlfriend, bf, gf, fiance, fiancee, plus one, significant other
urinate, urinating, urination, public urination, pee, peeing, wee, weeing, piss, pissing, relieve myself, relieve yourself
swearing, swear, swear at, swearing at, abuse, abusive, verbal abuse, give abuse, shout abuse, insult, insults, insulting, heckle, heckling, bad language, foul language, offensive language, cursing
badge, badges, name badge, name tag, lanyard, lanyards, conference badge, delegate badge, delegate pass, conference pass, accreditation, credential, credentials, id badge
beer glass, beer glasses, stein, steins, beer stein, beer mug, beer mugs, tankard, masskrug, beer jug
drinking game, drinking games, chug, chugging, down in one, downing pints, boat race, beer bong, keg stand, beer pong, necking, skolling, sculling, shotgunning
wash, rinse, rinsing, rinse off, scrub, scrubbing
barefoot, bare feet, bare foot, shoeless
drafting, slipstream, slipstreaming, ride in a bunch, in a bunch, bunch riding, ride in a pack, pace line, paceline, sit on a wheel, wheel sucking, wheelsucking
age limit, minimum age, age restriction, underage, under age, minors, adults only, year old, years old, yr old, yrs old, y o, yo, under 12, under 14, under 16, under 18, under 21, over 12, over 14, over 16, over 18, over 21, 18 or over, 21 or over, 18 and over, 21 and over, over 18s, under 18s
`;

/** Each group's phrases, as written (lowercase). */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = GROUPS.trim()
  .split("\n")
  .map((line) =>
    line
      .split(",")
      .map((p) => p.trim().toLowerCase())
      .filter((p) => p.length > 0),
  );
