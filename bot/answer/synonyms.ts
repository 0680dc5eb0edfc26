/**
 * Words travellers use for the same thing, for any trip (nothing here is about one trip: a
 * trip's own phrasings go in its file, under `also:`). Each line is one group; phrases are
 * separated by commas. A question and an entry that use different members of a group match.
 */
const GROUPS = `
bus, coach, shuttle, minibus, transfer
bib, race number, bib number, start number, race bib, number bib
cutoff, time limit, course closes, closing time, sweep bus, cut off time, too slow
phone, mobile, cell, cellphone, cell phone, smartphone, sim, sim card, roaming
money, cash, currency, card, credit card, debit card, visa card, mastercard, amex, atm, cash machine, bank card, pay, payment
photo, photograph, picture, pic, pics, selfie, snap, photography
camera, gopro, video, videos, film, filming
hotel, accommodation, lodging, lodge, hostel, hotel room, staying, where are we staying, riad, guesthouse, guest house, inn, ryokan, airbnb, resort
flight, flights, plane, fly, flying, airline
airport, terminal
food, meal, meals, eat, eating, restaurant
water, drink, hydration, aid station, water station, refreshment, refreshments, gel, gels
toilet, bathroom, restroom, loo, wc, portaloo
luggage, baggage, suitcase, suitcases
bag, bags, backpack, rucksack, bag drop, bag check, gear check
doctor, medical, hospital, clinic, first aid, sick, ill, injury, injured, medic, ambulance
wifi, wi-fi, internet, data, online, email
passport, identification, photo id, id card
drone, quadcopter, uav
visa, esta, tourist card, entry permit
weather, temperature, forecast, rain, cold, hot, warm, wind, windy
clothes, clothing, wear, dress, outfit, layers
dress code, modest, modestly, modest clothing, cover up, cover your shoulders, cover shoulders
insurance, insured, insure
collect, collection, pick up, pickup, pick-up
check in, check-in, checkin
night, dark, after dark, nighttime, night time
check out, check-out, checkout
leave, leaves, leaving, depart, departs, departure, set off, fly home, fly out, head home, go home, going home
arrive, arrival, arriving, land, landing, get there, fly in, fly into, meet us, picks us up, pick us up
ferry, boat
tip, tipping, tips, gratuity
cost, costs, price, prices, fee, fees, expensive, cheap, how much is, how much are, how much does, how much do, how much will
shop, shopping, souvenir, souvenirs, gift, buy
religious, religion, bible, quran, koran, scripture, prayer book
political, politics, propaganda
alcohol, beer, wine, booze, drinking alcohol
smoke, smoking, cigarette, cigarettes, vape, vaping
medicine, medication, medications, pills, tablets, prescription, drugs, pharmacy, chemist, drugstore
emergency, urgent, sos
headphones, earphones, earbuds, music
time change, daylight saving, dst, clocks go back, clocks change, clock change
map, course map, route
guide, guides, tour leader, organiser, organizer, minder
dinner, supper
party, celebration, celebrate, reception, get-together
pasta, carb loading, carbo loading, carb load, carbs
breakfast, morning meal
gps, gps watch, tracker
gun, weapon, knife
military, soldier, soldiers, army, checkpoint
start line, starting line, start corral, corral
finish line, finishing line
toilet paper, tissues
charger, adapter, plug, socket, power
language, languages, translate, translator, translation
vegetarian, vegan, diet, allergy, allergies, gluten
laundry, washing, wash clothes
meet, meeting point, meeting place, meet up, gather, assemble
refund, refunds, cancel, cancellation, money back
taxi, taxis, cab, uber
sunscreen, sun cream, suncream, sunblock, sun block
hire, rent, rental, renting
locker, lockers, left luggage, bag storage, cloakroom
jacket, coat, raincoat
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
