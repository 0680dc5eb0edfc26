/**
 * Things and what they are kinds of, for any trip: rules are written about kinds ("Do not feed
 * the wildlife", "No blades in hand luggage", "Take nothing from the beach"), travellers ask
 * about things ("can I feed the monkeys", "my swiss army knife", "can I keep a shell").
 *
 * Each line is one kind: the words that name it, then `>`, then the things of that kind. A
 * question naming a thing finds trip text naming its kind; it does not find other things of the
 * kind ("turtles" does not find a FAQ on sharks), which a synonym group would. Only words the
 * kind always covers belong after `>`; a thing of several kinds is listed under each. A thing
 * that a synonym group already holds with its kind's words (beer with alcohol, weed with drugs)
 * is not repeated here: the group finds it.
 *
 * The search reads these stemmed, from bot/answer/built-in-phrases.ts: run `npm run phrases`
 * after editing them (a test fails until then).
 */
const KINDS = `
wildlife, wild animals, animals, animal, marine life, sea life, sea creatures, marine animals, creatures > monkey, monkeys, baboon, baboons, macaque, macaques, ape, apes, turtle, turtles, sea turtle, sea turtles, tortoise, tortoises, dolphin, dolphins, whale, whales, shark, sharks, seals, sea lion, sea lions, penguin, penguins, lion, lions, elephant, elephants, giraffe, giraffes, zebra, zebras, rhino, rhinos, hippo, hippos, leopard, leopards, cheetah, cheetahs, buffalo, bears, deer, kangaroo, kangaroos, koala, koalas, camel, camels, bird, birds, seabird, seabirds, octopus, stingray, stingrays, manta, mantas, dugong, dugongs, crocodile, crocodiles, snake, snakes, lizard, lizards, squirrel, squirrels, fox, foxes, wolf, wolves, puffin, puffins, albatross, reindeer, moose, jellyfish, starfish
alcohol, alcoholic drinks, booze, liquor, spirits > lager, ale, sake, arak, ouzo, raki, brandy, baijiu, mezcal, absinthe, schnapps, mimosa, mimosas, bellini, aperol, spritz, margarita, margaritas, mojito, mojitos, bubbly, bourbon, scotch, sherry, mead, moonshine, hooch, limoncello, grappa, jagermeister
weapons, weapon, blades, blade, sharp objects, sharp items, knives, knife > sword, dagger, razor blade, scissors, knuckle dusters, mace, catapult, axe, hatchet
drugs, illegal drugs, narcotics, controlled substances, recreational drugs > marihuana, amphetamines, poppers
places of worship, religious sites, holy sites, sacred sites, religious buildings > temple, temples, church, churches, mosque, mosques, cathedral, cathedrals, shrine, shrines, pagoda, pagodas, monastery, monasteries, synagogue, synagogues, chapel, chapels, basilica, stupa, stupas, gurdwara, abbey
natural objects, natural souvenirs, natural material > shell, shells, seashell, seashells, coral, corals, stone, stones, rocks, pebble, pebbles, sand, feather, feathers, bones, fossil, fossils, lava rock, plants, flowers
valuables, valuable items, valuable > jewellery, jewelry, rolex, laptop, wallet, purse, ipad
liquids, liquid, fluids > water bottle, shampoo, conditioner, perfume, aftershave, toothpaste, sunscreen, sun cream, lotion, sauce, honey, aerosol, aerosols, hairspray
fresh food, food products, foodstuffs, animal products > meat, cheese, dairy, milk, eggs, sausage, sausages, salami, ham, jerky, biltong, fruit, fruits, vegetables, seeds, nuts, honey
military, soldiers, military personnel, army > officer in uniform
gamble, gambling, casino, casino floor > blackjack, poker, roulette, slots, slot machine, slot machines, craps, baccarat, pokies, sports betting, bookmaker, bookies
flames, naked flames, open flames, fire > candle, candles, lighter, lighters, matches, sparkler, sparklers, fireworks, firework, lantern, lanterns, sky lantern, incense, flare, flares
`;

/** Each kind: the phrases naming it, and the phrases naming things of it. */
export const KIND_LINES: readonly { kind: readonly string[]; things: readonly string[] }[] =
  KINDS.trim()
    .split("\n")
    .map((line) => {
      const [kind = "", things = ""] = line.split(">");
      const list = (s: string) =>
        s
          .split(",")
          .map((p) => p.trim().toLowerCase())
          .filter((p) => p.length > 0);
      return { kind: list(kind), things: list(things) };
    });
