// Written by `npm run phrases` (scripts/built-in-phrases.ts) from synonyms.ts, kinds.ts and
// clock-words.ts; do not edit.
/**
 * The built-in phrases, longest first, one a line: the words|their stems (none where
 * they are the words)|the group's token, and "|asked" for a thing of a kind. Stemmed
 * ahead, as stemming them was ~9 ms of a cold answer.
 */
export const BUILT_IN_PHRASES = `
at least one other person|at least on other person|~g146
go off on my own||~g146
where are we staying|where ar we stai|~g8
where do we sleep||~g8
where are we sleeping|where ar we sleep|~g8
drink in the street||~g37
drinking in the street|drink in the street|~g37
keep the noise down|keep the nois down|~g95
who do i call||~g96
who should i call||~g96
separate from the group|separ from the group|~g146
stay with the group|stai with the group|~g146
stay in your group|stai in your group|~g146
off the marked runs|off the mark run|~g147
animals in the wild|anim in the wild|~g151
go for a dip||~g159
cut off time||~g2
bureau de change|bureau de chang|~g5
port a loo||~g13
check in bag||~g14
carry on luggage|carri on luggag|~g14
accident and emergency|accid and emerg|~g16
proof of identity|proof of ident|~g18
proof of id||~g18
cover your shoulders|cover your shoulder|~g23
cover my shoulders|cover my shoulder|~g23
cover your knees|cover your knee|~g23
cover my knees|cover my knee|~g23
cover your hair||~g23
cover my hair||~g23
late check out||~g28
picks us up|pick us up|~g30
pick us up||~g30
how much is||~g33
how much are|how much ar|~g33
how much does|how much doe|~g33
how much do||~g33
how much will||~g33
drink in public||~g37
drinking in public|drink in public|~g37
over the counter||~g39
clocks go back|clock go back|~g42
swiss army knife|swiss armi knife|~g50
do my washing|do my wash|~g58
wash my clothes|wash my cloth|~g58
sun tan lotion||~g62
carry on bag|carri on bag|~g66
carry on luggage|carri on luggag|~g66
tylenol with codeine|tylenol with codein|~g71
acute mountain sickness|acut mountain sick|~g77
adrenaline auto injector|adrenalin auto injector|~g80
lost and found||~g89
number to call||~g96
who to call||~g96
get in touch||~g96
keep in touch||~g96
share a room||~g97
virtual private network|virtual privat network|~g100
high speed train||~g107
personal flotation device|person flotat devic|~g125
ski lift pass||~g133
in room safe||~g139
safety deposit box|safeti deposit box|~g139
safe deposit box||~g139
on my own||~g146
on your own||~g146
on our own||~g146
with a buddy|with a buddi|~g146
leave the group|leav the group|~g146
go off alone|go off alon|~g146
out of bounds|out of bound|~g147
off the pistes|off the pist|~g147
light a fire||~g148
make a fire||~g148
build a fire||~g148
start a fire||~g148
have a dip||~g159
take a dip||~g159
in the nude||~g161
plastic carrier bag||~g162
plastic carrier bags|plastic carrier bag|~g162
hitch a ride||~g166
thumb a lift||~g166
off the trail||~g167
off the path||~g167
leave the trail|leav the trail|~g167
leave the path|leav the path|~g167
place of worship||~g169
places of worship|place of worship|~g169
house of worship|hous of worship|~g169
places of worship|place of worship|~^k4
officer in uniform|offic in uniform|~^k9|asked
race number||~g1
bib number||~g1
start number||~g1
race bib||~g1
number bib||~g1
time limit||~g2
course closes|cours close|~g2
closing time|close time|~g2
sweep bus|sweep bu|~g2
too slow||~g2
cell phone||~g3
sim card||~g4
e sim||~g4
network coverage|network coverag|~g4
credit card||~g5
debit card||~g5
visa card||~g5
cash machine|cash machin|~g5
bank card||~g5
cash point||~g5
bank machine|bank machin|~g5
wechat pay|wechat pai|~g5
bank transfer||~g5
wire transfer||~g5
money transfer|monei transfer|~g5
exchange rate|exchang rate|~g5
go pro||~g7
hotel room||~g8
guest house|guest hous|~g8
home stay|home stai|~g8
mountain hut||~g8
aid station||~g12
water station||~g12
porta potty|porta potti|~g13
comfort stop||~g13
checked bag|check bag|~g14
hold bag||~g14
main bag||~g14
big bag||~g14
wheelie bag|wheeli bag|~g14
wheelie case|wheeli case|~g14
roller bag||~g14
bag allowance|bag allow|~g14
hand luggage|hand luggag|~g14
hand baggage|hand baggag|~g14
cabin luggage|cabin luggag|~g14
cabin baggage|cabin baggag|~g14
bag drop||~g15
bag check||~g15
gear check||~g15
day pack|dai pack|~g15
first aid||~g16
urgent care||~g16
emergency room|emerg room|~g16
wi fi||~g17
hot spot||~g17
photo id||~g18
id card||~g18
identity card|ident card|~g18
national id|nation id|~g18
travel document||~g18
dji mavic||~g19
dji mini||~g19
unmanned aircraft|unman aircraft|~g19
model aircraft||~g19
tourist card||~g20
entry permit|entri permit|~g20
travel authorisation|travel authoris|~g20
travel authorization|travel author|~g20
dress code||~g23
modest clothing|modest cloth|~g23
cover up||~g23
cover shoulders|cover shoulder|~g23
wear shorts|wear short|~g23
wearing shorts|wear short|~g23
in shorts|in short|~g23
short skirt||~g23
short skirts|short skirt|~g23
mini skirt||~g23
tank top||~g23
vest top||~g23
crop top||~g23
strappy top|strappi top|~g23
spaghetti straps|spaghetti strap|~g23
bare shoulders|bare shoulder|~g23
shoulders covered|shoulder cover|~g23
covered shoulders|cover shoulder|~g23
cover knees|cover knee|~g23
knees covered|knee cover|~g23
head scarf||~g23
head covering|head cover|~g23
pick up||~g25
pick up||~g25
check in||~g26
check in||~g26
after dark||~g27
night time||~g27
check out||~g28
check out||~g28
late checkout||~g28
set off||~g29
fly home||~g29
fly out||~g29
head home||~g29
go home||~g29
going home|go home|~g29
get there||~g30
fly in||~g30
fly into||~g30
meet us||~g30
service charge|servic charg|~g32
tip kitty|tip kitti|~g32
tipping kitty|tip kitti|~g32
prayer book||~g35
drinking alcohol|drink alcohol|~g37
hard liquor||~g37
drinking age|drink ag|~g37
open bar||~g37
get drunk||~g37
getting drunk|get drunk|~g37
public drinking|public drink|~g37
alcoholic drinks|alcohol drink|~g37
alcoholic drink|alcohol drink|~g37
alcoholic beverages|alcohol beverag|~g37
e cigarette|e cigarett|~g38
e cig||~g38
vape pen||~g38
electronic cigarette|electron cigarett|~g38
electronic cigarettes|electron cigarett|~g38
disposable vape|dispos vape|~g38
elf bar||~g38
heated tobacco|heat tobacco|~g38
chewing tobacco|chew tobacco|~g38
rolling tobacco|roll tobacco|~g38
roll ups|roll up|~g38
water pipe||~g38
time change|time chang|~g42
daylight saving|daylight save|~g42
clocks change|clock chang|~g42
clock change|clock chang|~g42
course map|cours map|~g43
tour leader||~g44
tour guide|tour guid|~g44
trip leader||~g44
group leader||~g44
tour manager|tour manag|~g44
evening meal|even meal|~g45
get together|get togeth|~g46
carb loading|carb load|~g47
carbo loading|carbo load|~g47
carb load||~g47
morning meal|morn meal|~g48
gps watch|gp watch|~g49
bladed items|blade item|~g50
sharp objects|sharp object|~g50
sharp items|sharp item|~g50
pen knife||~g50
pocket knife||~g50
multi tool||~g50
razor blades|razor blade|~g50
box cutter||~g50
stanley knife|stanlei knife|~g50
utility knife|util knife|~g50
pepper spray|pepper sprai|~g50
bear spray|bear sprai|~g50
stun gun||~g50
knuckle duster|knuckl duster|~g50
brass knuckles|brass knuckl|~g50
toy gun|toi gun|~g50
replica gun||~g50
imitation firearm|imit firearm|~g50
bb gun||~g50
armed forces|arm forc|~g51
military personnel|militari personnel|~g51
army base|armi base|~g51
military base|militari base|~g51
border guards|border guard|~g51
start line||~g52
starting line|start line|~g52
start corral||~g52
finish line||~g53
finishing line|finish line|~g53
toilet paper||~g54
power outlet||~g55
electrical outlet|electr outlet|~g55
wall socket||~g55
power point||~g55
plug converter|plug convert|~g55
voltage converter|voltag convert|~g55
charging cable|charg cabl|~g55
charging point|charg point|~g55
charging station|charg station|~g55
plant based|plant base|~g57
washing machine|wash machin|~g58
clothes washing|cloth wash|~g58
wash clothes|wash cloth|~g58
dry cleaning|dry clean|~g58
dry cleaner||~g58
tumble dryer|tumbl dryer|~g58
meeting point|meet point|~g59
meeting place|meet place|~g59
meet up||~g59
assembly point|assembl point|~g59
muster point||~g59
gathering point|gather point|~g59
rally point|ralli point|~g59
money back|monei back|~g60
black cab||~g61
ride share||~g61
ride hailing|ride hail|~g61
sun cream||~g62
sun block||~g62
sun screen||~g62
sun lotion||~g62
suntan lotion||~g62
left luggage|left luggag|~g64
bag storage|bag storag|~g64
luggage storage|luggag storag|~g64
baggage storage|baggag storag|~g64
luggage room|luggag room|~g64
coat check||~g64
hand luggage|hand luggag|~g66
hand baggage|hand baggag|~g66
carry on|carri on|~g66
cabin bag||~g66
cabin luggage|cabin luggag|~g66
cabin baggage|cabin baggag|~g66
personal item|person item|~g66
power bank||~g67
portable charger|portabl charger|~g67
battery pack|batteri pack|~g67
external battery|extern batteri|~g67
lithium battery|lithium batteri|~g67
co codamol||~g71
nurofen plus|nurofen plu|~g71
tylenol 3||~g71
anti diarrhoea||~g74
anti diarrheal||~g74
oral rehydration|oral rehydr|~g75
rehydration salts|rehydr salt|~g75
rehydration sachets|rehydr sachet|~g75
electrolyte sachets|electrolyt sachet|~g75
motion sickness|motion sick|~g76
travel sickness|travel sick|~g76
sea sickness|sea sick|~g76
car sick||~g76
sea band||~g76
altitude sickness|altitud sick|~g77
mountain sickness|mountain sick|~g77
altitude illness|altitud ill|~g77
anti malarial|anti malari|~g78
malaria tablets|malaria tablet|~g78
malaria pills|malaria pill|~g78
pain killer||~g79
pain relief||~g79
pain reliever|pain reliev|~g79
epi pen||~g80
adrenaline pen|adrenalin pen|~g80
auto injector||~g80
asthma inhaler|asthma inhal|~g81
asthma pump||~g81
blue inhaler|blue inhal|~g81
flu shot||~g82
covid shot||~g82
tetanus shot|tetanu shot|~g82
booster shot||~g82
travel shots|travel shot|~g82
vaccine passport|vaccin passport|~g82
yellow fever||~g82
insect repellent|insect repel|~g83
mosquito repellent|mosquito repel|~g83
bug spray|bug sprai|~g83
mosquito spray|mosquito sprai|~g83
insect spray|insect sprai|~g83
mozzie spray|mozzi sprai|~g83
jungle formula|jungl formula|~g83
illegal drugs|illeg drug|~g85
recreational drugs|recreat drug|~g85
illicit drugs|illicit drug|~g85
controlled substances|control substanc|~g85
street drugs|street drug|~g85
party drugs|parti drug|~g85
cbd oil||~g85
magic mushrooms|magic mushroom|~g85
police officer|polic offic|~g86
guardia civil||~g86
tourist police|tourist polic|~g86
traffic police|traffic polic|~g86
riot police|riot polic|~g86
high commission|high commiss|~g87
lost property|lost properti|~g89
lost found||~g89
time zone||~g90
time difference|time differ|~g90
jet lag||~g91
running late|run late|~g92
on time||~g92
free time||~g93
spare time||~g93
own time||~g93
leisure time|leisur time|~g93
at leisure|at leisur|~g93
free afternoon||~g93
free evening|free even|~g93
free morning|free morn|~g93
free day|free dai|~g93
rest day|rest dai|~g93
day off|dai off|~g93
time off||~g93
lights out|light out|~g94
bed time||~g94
quiet hours|quiet hour|~g95
quiet time||~g95
loud music||~g95
too loud||~g95
make noise|make nois|~g95
making noise|make nois|~g95
play music|plai music|~g95
playing music|plai music|~g95
contact number||~g96
phone number||~g96
mobile number|mobil number|~g96
cell number||~g96
telephone number|telephon number|~g96
contact details|contact detail|~g96
contact info||~g96
room mate||~g97
rooming list|room list|~g97
room share||~g97
twin share||~g97
group chat||~g98
social media||~g99
great firewall|great firewal|~g100
boarding pass|board pass|~g101
boarding card|board card|~g101
arrival card|arriv card|~g102
landing card|land card|~g102
immigration card|immigr card|~g102
arrival form|arriv form|~g102
immigration form|immigr form|~g102
disembarkation card|disembark card|~g102
passport control||~g103
border control||~g103
immigration control|immigr control|~g103
customs declaration|custom declar|~g104
customs form|custom form|~g104
driving licence|drive licenc|~g105
driving license|drive licens|~g105
drivers licence|driver licenc|~g105
drivers license|driver licens|~g105
connecting flight|connect flight|~g106
train station||~g107
railway station|railwai station|~g107
rail station||~g107
train journey|train journei|~g107
train ride||~g107
by train||~g107
bullet train||~g107
u bahn||~g108
inner tube||~g109
spare tube||~g109
public transport||~g110
public transit||~g110
mass transit||~g110
transit card||~g111
metro card||~g111
oyster card||~g111
opal card||~g111
octopus card|octopu card|~g111
push bike||~g112
midday meal|middai meal|~g113
packed lunch|pack lunch|~g113
lunch box||~g113
bagged lunch|bag lunch|~g113
sack lunch||~g113
box lunch||~g113
running shoes|run shoe|~g114
walking shoes|walk shoe|~g114
tennis shoes|tenni shoe|~g114
gym shoes|gym shoe|~g114
athletic shoes|athlet shoe|~g114
hiking boots|hike boot|~g115
walking boots|walk boot|~g115
trekking boots|trek boot|~g115
hiking shoes|hike shoe|~g115
flip flops|flip flop|~g116
swim suit||~g117
swimming costume|swim costum|~g117
bathing suit|bath suit|~g117
bathing costume|bath costum|~g117
swim trunks|swim trunk|~g117
board shorts|board short|~g117
long pants|long pant|~g118
long trousers|long trouser|~g118
sun hat||~g121
baseball cap|basebal cap|~g121
woolly hat|woolli hat|~g122
wooly hat|wooli hat|~g122
warm hat||~g122
bobble hat|bobbl hat|~g122
sun glasses|sun glass|~g123
hi vis|hi vi|~g124
high vis|high vi|~g124
high visibility|high visibl|~g124
reflective vest|reflect vest|~g124
reflective jacket|reflect jacket|~g124
safety vest|safeti vest|~g124
life jacket||~g125
life vest||~g125
buoyancy aid|buoyanc aid|~g125
head lamp||~g127
head torch||~g127
trekking poles|trek pole|~g128
hiking poles|hike pole|~g128
walking poles|walk pole|~g128
nordic poles|nordic pole|~g128
walking sticks|walk stick|~g128
hill walking|hill walk|~g129
scuba diving|scuba dive|~g130
dive certification|dive certif|~g131
dive cert||~g131
c card||~g131
certification card|certif card|~g131
dive card||~g131
cert card||~g131
padi card||~g131
dive licence|dive licenc|~g131
dive license|dive licens|~g131
wet suit||~g132
ski pass||~g133
lift pass||~g133
lift ticket||~g133
ski school||~g134
ski lessons|ski lesson|~g134
ski class||~g134
ski instructor||~g134
ski run||~g135
chair lift||~g136
ski lift||~g136
drag lift||~g136
button lift||~g136
t bar||~g136
kick off||~g137
tip off||~g137
first pitch||~g137
puck drop||~g137
camp site||~g138
camping ground|camp ground|~g138
camping area|camp area|~g138
room safe||~g139
hotel safe||~g139
air conditioning|air condit|~g140
air con||~g140
air conditioner|air condition|~g140
toiletry bag|toiletri bag|~g141
wash bag||~g141
sponge bag|spong bag|~g141
dopp kit||~g141
grocery store|groceri store|~g142
convenience store|conveni store|~g142
corner shop||~g142
mini mart||~g142
changing room|chang room|~g143
locker room||~g143
changing area|chang area|~g143
changing facilities|chang facil|~g143
bluetooth speaker||~g144
portable speaker|portabl speaker|~g144
permission slip|permiss slip|~g145
consent form||~g145
permission form|permiss form|~g145
parental consent|parent consent|~g145
by myself||~g146
by yourself||~g146
by ourselves|by ourselv|~g146
buddy system|buddi system|~g146
in pairs|in pair|~g146
in twos|in two|~g146
wander off||~g146
without supervision|without supervis|~g146
stick together|stick togeth|~g146
off piste|off pist|~g147
off piste|off pist|~g147
back country|back countri|~g147
side country|side countri|~g147
camping stove|camp stove|~g148
gas stove|ga stove|~g148
camp stove||~g148
disposable barbecue|dispos barbecu|~g148
open fire||~g148
camp fire||~g148
fire pit||~g148
primus stove|primu stove|~g148
camping gas|camp ga|~g148
gas canister|ga canist|~g148
gas canisters|ga canist|~g148
gas cartridge|ga cartridg|~g148
portable stove|portabl stove|~g148
hot plate||~g148
rice cooker||~g148
light fires|light fire|~g148
inside of|insid of|~g149
go inside|go insid|~g149
original packaging|origin packag|~g150
original container|origin contain|~g150
original box|origin box|~g150
pill box||~g150
pill organiser|pill organis|~g150
pill organizer|pill organ|~g150
dosette box|dosett box|~g150
pill case||~g150
blister pack||~g150
wild animals|wild anim|~g151
wild animal|wild anim|~g151
pet the||~g152
pet them||~g152
stroke the||~g152
stray animals|strai anim|~g153
stray dogs|strai dog|~g153
stray cats|strai cat|~g153
street dogs|street dog|~g153
street cats|street cat|~g153
feral dogs|feral dog|~g153
feral cats|feral cat|~g153
security guard|secur guard|~g154
security guards|secur guard|~g154
security staff|secur staff|~g154
night guard||~g154
night watchman||~g154
naked flame|nake flame|~g155
naked flames|nake flame|~g155
open flame||~g155
open flames|open flame|~g155
tea light||~g155
tea lights|tea light|~g155
incense sticks|incens stick|~g155
joss sticks|joss stick|~g155
oil burner||~g155
fire crackers|fire cracker|~g156
smoke bomb||~g156
smoke bombs|smoke bomb|~g156
wild swimming|wild swim|~g159
rip current||~g160
rip currents|rip current|~g160
rip tide||~g160
skinny dipping|skinni dip|~g161
plastic bag||~g162
plastic bags|plastic bag|~g162
carrier bag||~g162
carrier bags|carrier bag|~g162
shopping bag|shop bag|~g162
shopping bags|shop bag|~g162
polythene bag|polythen bag|~g162
polythene bags|polythen bag|~g162
selfie stick|selfi stick|~g163
selfie sticks|selfi stick|~g163
selfie pole|selfi pole|~g163
motorbike taxi|motorbik taxi|~g164
motorcycle taxi|motorcycl taxi|~g164
boda boda||~g164
xe om||~g164
e scooter||~g165
e scooter||~g165
electric scooter|electr scooter|~g165
kick scooter||~g165
off trail||~g167
off path||~g167
off road||~g167
off road||~g167
religious site|religi site|~g169
religious sites|religi site|~g169
holy site|holi site|~g169
holy sites|holi site|~g169
sacred site|sacr site|~g169
sacred sites|sacr site|~g169
church service|church servic|~g171
pilgrims mass|pilgrim mass|~g171
pilgrim mass||~g171
mass start||~g172
mass starts|mass start|~g172
meat products|meat product|~g173
beef jerky|beef jerki|~g173
cured meat|cure meat|~g173
dried meat|dri meat|~g173
wild camping|wild camp|~g175
wild camp||~g175
freedom camping|freedom camp|~g175
stealth camping|stealth camp|~g175
jet ski||~g176
jet skis|jet ski|~g176
personal watercraft|person watercraft|~g176
quad bike||~g177
quad bikes|quad bike|~g177
quad biking|quad bike|~g177
four wheeler||~g177
night club||~g178
wild animals|wild anim|~^k0
marine life|marin life|~^k0
sea life||~^k0
sea creatures|sea creatur|~^k0
marine animals|marin anim|~^k0
sea turtle|sea turtl|~^k0|asked
sea turtles|sea turtl|~^k0|asked
sea lion||~^k0|asked
sea lions|sea lion|~^k0|asked
alcoholic drinks|alcohol drink|~^k1
sharp objects|sharp object|~^k2
sharp items|sharp item|~^k2
razor blade||~^k2|asked
knuckle dusters|knuckl duster|~^k2|asked
illegal drugs|illeg drug|~^k3
controlled substances|control substanc|~^k3
recreational drugs|recreat drug|~^k3
religious sites|religi site|~^k4
holy sites|holi site|~^k4
sacred sites|sacr site|~^k4
religious buildings|religi build|~^k4
natural objects|natur object|~^k5
natural souvenirs|natur souvenir|~^k5
natural material|natur materi|~^k5
lava rock||~^k5|asked
valuable items|valuabl item|~^k6
water bottle|water bottl|~^k7|asked
sun cream||~^k7|asked
fresh food||~^k8
food products|food product|~^k8
animal products|anim product|~^k8
military personnel|militari personnel|~^k9
naked flames|nake flame|~^k10
open flames|open flame|~^k10
sky lantern||~^k10|asked
night time||~clock:night
after dark||~clock:night
lights out|light out|~clock:curfew
lights out|light out|~clock:night
bed time||~clock:curfew
bed time||~clock:night
bus|bu|~g0
buses|buse|~g0
coach||~g0
shuttle|shuttl|~g0
minibus|minibu|~g0
transfer||~g0
bib||~g1
cutoff||~g2
phone||~g3
mobile|mobil|~g3
cell||~g3
cellphone|cellphon|~g3
smartphone|smartphon|~g3
iphone|iphon|~g3
android||~g3
sim||~g4
esim||~g4
roaming|roam|~g4
money|monei|~g5
cash||~g5
currency|currenc|~g5
mastercard||~g5
amex||~g5
atm||~g5
pay|pai|~g5
payment||~g5
cashpoint||~g5
contactless||~g5
cashless||~g5
venmo||~g5
paypal||~g5
zelle|zell|~g5
monzo||~g5
alipay|alipai|~g5
forex||~g5
photo||~g6
photograph||~g6
picture|pictur|~g6
pic||~g6
pics|pic|~g6
selfie|selfi|~g6
snap||~g6
photography|photographi|~g6
camera||~g7
gopro||~g7
video||~g7
videos|video|~g7
film||~g7
filming|film|~g7
camcorder|camcord|~g7
dslr||~g7
vlog||~g7
hotel||~g8
accommodation|accommod|~g8
lodging|lodg|~g8
lodge|lodg|~g8
hostel||~g8
staying|stai|~g8
riad||~g8
guesthouse|guesthous|~g8
inn||~g8
ryokan||~g8
airbnb||~g8
resort||~g8
motel||~g8
chalet||~g8
villa||~g8
homestay|homestai|~g8
dorm||~g8
dormitory|dormitori|~g8
rifugio||~g8
flight||~g9
flights|flight|~g9
plane||~g9
fly||~g9
flying|fly|~g9
airline|airlin|~g9
airplane|airplan|~g9
aeroplane|aeroplan|~g9
aircraft||~g9
airport||~g10
terminal|termin|~g10
food||~g11
meal||~g11
meals|meal|~g11
eat||~g11
eating|eat|~g11
restaurant|restaur|~g11
dining|dine|~g11
catering|cater|~g11
water||~g12
drink||~g12
hydration|hydrat|~g12
refreshment|refresh|~g12
refreshments|refresh|~g12
gel||~g12
gels|gel|~g12
toilet||~g13
bathroom||~g13
restroom||~g13
loo||~g13
wc||~g13
portaloo||~g13
lavatory|lavatori|~g13
washroom||~g13
portapotty|portapotti|~g13
latrine|latrin|~g13
flush||~g13
luggage|luggag|~g14
baggage|baggag|~g14
suitcase|suitcas|~g14
suitcases|suitcas|~g14
holdall|holdal|~g14
duffel||~g14
duffle|duffl|~g14
bag||~g15
bags|bag|~g15
backpack||~g15
rucksack||~g15
daypack||~g15
knapsack||~g15
doctor||~g16
medical|medic|~g16
hospital|hospit|~g16
clinic||~g16
sick||~g16
ill||~g16
injury|injuri|~g16
injured|injur|~g16
medic||~g16
ambulance|ambul|~g16
physician||~g16
paramedic|paramed|~g16
unwell|unwel|~g16
wifi||~g17
internet||~g17
data||~g17
online|onlin|~g17
email||~g17
wireless||~g17
hotspot||~g17
passport||~g18
identification|identif|~g18
drone||~g19
quadcopter|quadcopt|~g19
uav||~g19
dji||~g19
multicopter|multicopt|~g19
visa||~g20
esta||~g20
evisa||~g20
etias|etia|~g20
weather||~g21
temperature|temperatur|~g21
forecast||~g21
rain||~g21
rainy|raini|~g21
cold||~g21
hot||~g21
warm||~g21
wind||~g21
windy|windi|~g21
humid||~g21
clothes|cloth|~g22
clothing|cloth|~g22
wear||~g22
dress||~g22
outfit||~g22
layers|layer|~g22
modest||~g23
modestly|modestli|~g23
miniskirt||~g23
sleeveless||~g23
headscarf||~g23
insurance|insur|~g24
insured|insur|~g24
insure|insur|~g24
collect||~g25
collection|collect|~g25
pickup||~g25
checkin||~g26
night||~g27
dark||~g27
nighttime|nighttim|~g27
checkout||~g28
leave|leav|~g29
leaves|leav|~g29
leaving|leav|~g29
depart||~g29
departs|depart|~g29
departure|departur|~g29
arrive|arriv|~g30
arrival|arriv|~g30
arriving|arriv|~g30
land||~g30
landing|land|~g30
ferry|ferri|~g31
boat||~g31
tip||~g32
tipping|tip|~g32
tips|tip|~g32
gratuity|gratuiti|~g32
baksheesh||~g32
bakshish||~g32
backsheesh||~g32
cost||~g33
costs|cost|~g33
price||~g33
prices|price|~g33
fee||~g33
fees|fee|~g33
expensive|expens|~g33
cheap||~g33
shop||~g34
shopping|shop|~g34
souvenir||~g34
souvenirs|souvenir|~g34
gift||~g34
buy|bui|~g34
religious|religi|~g35
religion||~g35
bible|bibl|~g35
quran||~g35
koran||~g35
scripture|scriptur|~g35
political|polit|~g36
politics|polit|~g36
propaganda||~g36
alcohol||~g37
beer||~g37
wine||~g37
booze|booz|~g37
liquor||~g37
spirits|spirit|~g37
vodka||~g37
whisky|whiski|~g37
whiskey|whiskei|~g37
gin||~g37
rum||~g37
soju||~g37
cocktail||~g37
pint||~g37
byob||~g37
bevvies|bevvi|~g37
grog||~g37
cider||~g37
champagne|champagn|~g37
prosecco||~g37
tequila||~g37
sangria||~g37
tinnies|tinni|~g37
smoke||~g38
smoking|smoke|~g38
cigarette|cigarett|~g38
cigarettes|cigarett|~g38
vape||~g38
vaping|vape|~g38
tobacco||~g38
cigar||~g38
cigs|cig|~g38
ciggies|ciggi|~g38
ecig||~g38
juul||~g38
nicotine|nicotin|~g38
shisha||~g38
hookah||~g38
elfbar||~g38
iqos|iqo|~g38
snus|snu|~g38
rollies|rolli|~g38
durries|durri|~g38
ciggie|ciggi|~g38
ciggy|ciggi|~g38
cigarillo||~g38
nargile|nargil|~g38
medicine|medicin|~g39
medication|medic|~g39
medications|medic|~g39
pills|pill|~g39
tablets|tablet|~g39
prescription|prescript|~g39
drugs|drug|~g39
pharmacy|pharmaci|~g39
chemist||~g39
drugstore|drugstor|~g39
meds|med|~g39
emergency|emerg|~g40
urgent||~g40
sos|so|~g40
headphones|headphon|~g41
earphones|earphon|~g41
earbuds|earbud|~g41
music||~g41
dst||~g42
map||~g43
route|rout|~g43
guide|guid|~g44
guides|guid|~g44
organiser|organis|~g44
organizer|organ|~g44
minder||~g44
chaperone|chaperon|~g44
dinner||~g45
supper||~g45
party|parti|~g46
celebration|celebr|~g46
celebrate|celebr|~g46
reception|recept|~g46
pasta||~g47
carbs|carb|~g47
breakfast||~g48
brekkie|brekki|~g48
gps|gp|~g49
tracker||~g49
gun||~g50
weapon||~g50
knife||~g50
knives|knive|~g50
blades|blade|~g50
penknife|penknif|~g50
pocketknife|pocketknif|~g50
multitool||~g50
leatherman||~g50
machete|machet|~g50
firearm||~g50
firearms|firearm|~g50
pistol||~g50
handgun||~g50
ammunition|ammunit|~g50
ammo||~g50
taser||~g50
swords|sword|~g50
crossbow||~g50
slingshot||~g50
airsoft||~g50
military|militari|~g51
soldier||~g51
soldiers|soldier|~g51
army|armi|~g51
checkpoint||~g51
troops|troop|~g51
servicemen||~g51
barracks|barrack|~g51
sentry|sentri|~g51
sentries|sentri|~g51
corral||~g52
tissues|tissu|~g54
charger||~g55
adapter|adapt|~g55
adaptor||~g55
plug||~g55
socket||~g55
power||~g55
voltage|voltag|~g55
volts|volt|~g55
language|languag|~g56
languages|languag|~g56
translate|translat|~g56
translator|translat|~g56
translation|translat|~g56
vegetarian||~g57
vegan||~g57
diet||~g57
dietary|dietari|~g57
allergy|allergi|~g57
allergies|allergi|~g57
gluten||~g57
intolerance|intoler|~g57
lactose|lactos|~g57
coeliac||~g57
celiac||~g57
halal||~g57
kosher||~g57
pescatarian||~g57
veggie|veggi|~g57
laundry|laundri|~g58
launderette|launderett|~g58
laundrette|laundrett|~g58
laundromat||~g58
meet||~g59
meetup||~g59
gather||~g59
assemble|assembl|~g59
rendezvous|rendezv|~g59
regroup||~g59
refund||~g60
refunds|refund|~g60
cancel||~g60
cancellation|cancel|~g60
taxi||~g61
taxis|taxi|~g61
cab||~g61
uber||~g61
lyft||~g61
didi||~g61
careem||~g61
minicab||~g61
rideshare|rideshar|~g61
sunscreen||~g62
suncream||~g62
sunblock||~g62
spf||~g62
hire||~g63
rent||~g63
rental||~g63
renting|rent|~g63
locker||~g64
lockers|locker|~g64
cloakroom||~g64
jacket||~g65
coat||~g65
raincoat||~g65
anorak||~g65
cagoule|cagoul|~g65
windbreaker|windbreak|~g65
windcheater|windcheat|~g65
carryon||~g66
powerbank||~g67
paracetamol||~g68
acetaminophen||~g68
tylenol||~g68
panadol||~g68
calpol||~g68
panamax||~g68
ibuprofen||~g69
advil||~g69
nurofen||~g69
motrin||~g69
brufen||~g69
aspirin||~g70
disprin||~g70
aspro||~g70
ecotrin||~g70
codeine|codein|~g71
cocodamol||~g71
solpadeine|solpadein|~g71
panadeine|panadein|~g71
antihistamine|antihistamin|~g72
cetirizine|cetirizin|~g72
zyrtec||~g72
piriteze|piritez|~g72
reactine|reactin|~g72
loratadine|loratadin|~g72
claritin||~g72
clarityn||~g72
fexofenadine|fexofenadin|~g72
allegra||~g72
telfast||~g72
chlorphenamine|chlorphenamin|~g72
chlorpheniramine|chlorpheniramin|~g72
piriton||~g72
benadryl||~g72
diphenhydramine|diphenhydramin|~g72
pseudoephedrine|pseudoephedrin|~g73
sudafed|sudaf|~g73
decongestant|decongest|~g73
loperamide|loperamid|~g74
imodium||~g74
antidiarrhoeal|antidiarrho|~g74
antidiarrheal|antidiarrh|~g74
dioralyte|dioralyt|~g75
hydralyte|hydralyt|~g75
pedialyte|pedialyt|~g75
seasick||~g76
carsick||~g76
airsick||~g76
kwells|kwell|~g76
stugeron||~g76
cinnarizine|cinnarizin|~g76
dramamine|dramamin|~g76
hyoscine|hyoscin|~g76
scopolamine|scopolamin|~g76
scopoderm||~g76
meclizine|meclizin|~g76
bonine|bonin|~g76
diamox||~g77
acetazolamide|acetazolamid|~g77
soroche|soroch|~g77
antimalarial|antimalari|~g78
malarone|malaron|~g78
atovaquone|atovaquon|~g78
doxycycline|doxycyclin|~g78
lariam||~g78
mefloquine|mefloquin|~g78
chloroquine|chloroquin|~g78
malaria||~g78
painkiller|painkil|~g79
analgesic|analges|~g79
epipen||~g80
autoinjector||~g80
epinephrine|epinephrin|~g80
anapen||~g80
jext||~g80
emerade|emerad|~g80
inhaler|inhal|~g81
ventolin||~g81
salbutamol||~g81
albuterol||~g81
vaccination|vaccin|~g82
jab||~g82
immunisation|immunis|~g82
immunization|immun|~g82
inoculation|inocul|~g82
icvp||~g82
repellent|repel|~g83
deet||~g83
picaridin||~g83
icaridin||~g83
aerogard||~g83
smidge|smidg|~g83
mosquito||~g84
mozzie|mozzi|~g84
mossie|mossi|~g84
cannabis|cannabi|~g85
marijuana||~g85
weed||~g85
ganja||~g85
thc||~g85
drugs|drug|~g85
narcotics|narcot|~g85
hashish||~g85
spliff||~g85
cbd||~g85
cocaine|cocain|~g85
mdma||~g85
ecstasy|ecstasi|~g85
ketamine|ketamin|~g85
lsd||~g85
shrooms|shroom|~g85
psilocybin||~g85
heroin||~g85
meth||~g85
methamphetamine|methamphetamin|~g85
policing|polic|~g86
cops|cop|~g86
policeman||~g86
policemen||~g86
policewoman||~g86
gendarmes|gendarm|~g86
gendarmerie|gendarmeri|~g86
carabinieri||~g86
embassy|embassi|~g87
consulate|consul|~g87
consular||~g87
stolen||~g88
theft||~g88
thief||~g88
thieves|thiev|~g88
pickpocket||~g88
robbery|robberi|~g88
lost||~g89
lose||~g89
misplaced|misplac|~g89
timezone|timezon|~g90
jetlag||~g91
late||~g92
punctual||~g92
downtime|downtim|~g93
curfew||~g94
bedtime|bedtim|~g94
noise|nois|~g95
noisy|noisi|~g95
loud||~g95
roommate|roommat|~g97
roomie|roomi|~g97
whatsapp||~g98
wechat||~g98
messenger|messeng|~g98
telegram||~g98
instagram||~g99
insta||~g99
facebook||~g99
tiktok||~g99
twitter||~g99
snapchat||~g99
vpn||~g100
immigration|immigr|~g103
customs|custom|~g104
declare|declar|~g104
layover|layov|~g106
stopover|stopov|~g106
rail||~g107
railway|railwai|~g107
railroad||~g107
metro||~g108
subway|subwai|~g108
tube||~g108
underground||~g108
mrt||~g108
mtr||~g108
travelcard||~g111
metrocard||~g111
myki||~g111
suica||~g111
pasmo||~g111
navigo||~g111
bike||~g112
bicycle|bicycl|~g112
pushbike|pushbik|~g112
lunch||~g113
lunchtime|lunchtim|~g113
lunchbox||~g113
shoe||~g114
footwear||~g114
trainers|trainer|~g114
sneakers|sneaker|~g114
flipflops|flipflop|~g116
thong||~g116
jandals|jandal|~g116
sandals|sandal|~g116
swimsuit||~g117
swimwear||~g117
cossie|cossi|~g117
cozzie|cozzi|~g117
togs|tog|~g117
bikini||~g117
boardshorts|boardshort|~g117
trousers|trouser|~g118
pant||~g118
jumper||~g119
sweater||~g119
pullover|pullov|~g119
fleece|fleec|~g119
hoodie|hoodi|~g119
sweatshirt||~g119
glove||~g120
mittens|mitten|~g120
mitt||~g120
hat||~g121
sunhat||~g121
beanie|beani|~g122
toque|toqu|~g122
tuque|tuqu|~g122
sunglasses|sunglass|~g123
sunnies|sunni|~g123
lifejacket||~g125
pfd||~g125
umbrella||~g126
brolly|brolli|~g126
headlamp||~g127
headtorch||~g127
flashlight||~g127
hike||~g129
trek||~g129
bushwalk||~g129
hillwalking|hillwalk|~g129
dive||~g130
scuba||~g130
wetsuit||~g132
slope||~g135
piste|pist|~g135
chairlift||~g136
kickoff||~g137
tipoff||~g137
campsite|campsit|~g138
campground||~g138
aircon||~g140
toiletries|toiletri|~g141
washbag||~g141
supermarket||~g142
groceries|groceri|~g142
minimart||~g142
bodega||~g142
konbini||~g142
speaker||~g144
alone|alon|~g146
solo||~g146
unaccompanied|unaccompani|~g146
buddy|buddi|~g146
unsupervised|unsupervis|~g146
unchaperoned|unchaperon|~g146
backcountry|backcountri|~g147
sidecountry|sidecountri|~g147
ungroomed|ungroom|~g147
cook||~g148
cooking|cook|~g148
cooker||~g148
stove||~g148
bbq||~g148
barbecue|barbecu|~g148
barbeque|barbequ|~g148
grill||~g148
campfire|campfir|~g148
jetboil||~g148
butane|butan|~g148
trangia||~g148
hotplate|hotplat|~g148
braai||~g148
bonfire|bonfir|~g148
bonfires|bonfir|~g148
interior||~g149
interiors|interior|~g149
penetration|penetr|~g149
penetrate|penetr|~g149
pillbox||~g150
wildlife|wildlif|~g151
touching|touch|~g152
cuddle|cuddl|~g152
cuddling|cuddl|~g152
bouncer||~g154
bouncers|bouncer|~g154
candle|candl|~g155
candles|candl|~g155
tealight||~g155
tealights|tealight|~g155
fireworks|firework|~g156
firework||~g156
firecrackers|firecrack|~g156
sparklers|sparkler|~g156
pyrotechnics|pyrotechn|~g156
littering|litter|~g157
rubbish||~g157
trash||~g157
graffiti||~g158
vandalism|vandal|~g158
vandalise|vandalis|~g158
vandalize|vandal|~g158
deface|defac|~g158
defacing|defac|~g158
swim||~g159
swimming|swim|~g159
riptide|riptid|~g160
undertow||~g160
nakedness|naked|~g161
nude||~g161
nudity|nuditi|~g161
starkers|starker|~g161
monopod||~g163
motorbike|motorbik|~g164
motorbikes|motorbik|~g164
motorcycle|motorcycl|~g164
motorcycles|motorcycl|~g164
scooter||~g164
scooters|scooter|~g164
mopeds|mope|~g164
vespa||~g164
escooter|escoot|~g165
hitchhike|hitchhik|~g166
hitchhiking|hitchhik|~g166
hitching|hitch|~g166
offroad||~g167
haggle|haggl|~g168
haggling|haggl|~g168
bargaining|bargain|~g168
barter||~g168
bartering|barter|~g168
church||~g170
churches|church|~g170
cathedral|cathedr|~g170
cathedrals|cathedr|~g170
basilica||~g170
mass||~g171
liturgy|liturgi|~g171
eucharist||~g171
meat||~g173
biltong||~g173
salami||~g173
chorizo||~g173
antiques|antiqu|~g174
antiquities|antiqu|~g174
artefacts|artefact|~g174
artifacts|artifact|~g174
relics|relic|~g174
bivvy|bivvi|~g175
bivouac||~g175
jetski||~g176
waverunner|waverunn|~g176
atv||~g177
nightclub||~g178
nightclubs|nightclub|~g178
clubbing|club|~g178
disco||~g178
discotheque|discothequ|~g178
wildlife|wildlif|~^k0
animals|anim|~^k0
animal|anim|~^k0
creatures|creatur|~^k0
monkey|monkei|~^k0|asked
monkeys|monkei|~^k0|asked
baboon||~^k0|asked
baboons|baboon|~^k0|asked
macaque|macaqu|~^k0|asked
macaques|macaqu|~^k0|asked
ape|ap|~^k0|asked
apes|ap|~^k0|asked
turtle|turtl|~^k0|asked
turtles|turtl|~^k0|asked
tortoise|tortois|~^k0|asked
tortoises|tortois|~^k0|asked
dolphin||~^k0|asked
dolphins|dolphin|~^k0|asked
whale||~^k0|asked
whales|whale|~^k0|asked
shark||~^k0|asked
sharks|shark|~^k0|asked
seals|seal|~^k0|asked
penguin||~^k0|asked
penguins|penguin|~^k0|asked
lion||~^k0|asked
lions|lion|~^k0|asked
elephant|eleph|~^k0|asked
elephants|eleph|~^k0|asked
giraffe|giraff|~^k0|asked
giraffes|giraff|~^k0|asked
zebra||~^k0|asked
zebras|zebra|~^k0|asked
rhino||~^k0|asked
rhinos|rhino|~^k0|asked
hippo||~^k0|asked
hippos|hippo|~^k0|asked
leopard||~^k0|asked
leopards|leopard|~^k0|asked
cheetah||~^k0|asked
cheetahs|cheetah|~^k0|asked
buffalo||~^k0|asked
bears|bear|~^k0|asked
deer||~^k0|asked
kangaroo||~^k0|asked
kangaroos|kangaroo|~^k0|asked
koala||~^k0|asked
koalas|koala|~^k0|asked
camel||~^k0|asked
camels|camel|~^k0|asked
bird||~^k0|asked
birds|bird|~^k0|asked
seabird||~^k0|asked
seabirds|seabird|~^k0|asked
octopus|octopu|~^k0|asked
stingray|stingrai|~^k0|asked
stingrays|stingrai|~^k0|asked
manta||~^k0|asked
mantas|manta|~^k0|asked
dugong||~^k0|asked
dugongs|dugong|~^k0|asked
crocodile|crocodil|~^k0|asked
crocodiles|crocodil|~^k0|asked
snake||~^k0|asked
snakes|snake|~^k0|asked
lizard||~^k0|asked
lizards|lizard|~^k0|asked
squirrel||~^k0|asked
squirrels|squirrel|~^k0|asked
fox||~^k0|asked
foxes|fox|~^k0|asked
wolf||~^k0|asked
wolves|wolv|~^k0|asked
puffin||~^k0|asked
puffins|puffin|~^k0|asked
albatross||~^k0|asked
reindeer||~^k0|asked
moose|moos|~^k0|asked
jellyfish||~^k0|asked
starfish||~^k0|asked
alcohol||~^k1
booze|booz|~^k1
liquor||~^k1
spirits|spirit|~^k1
lager||~^k1|asked
ale|al|~^k1|asked
sake||~^k1|asked
arak||~^k1|asked
ouzo||~^k1|asked
raki||~^k1|asked
brandy|brandi|~^k1|asked
baijiu||~^k1|asked
mezcal||~^k1|asked
absinthe|absinth|~^k1|asked
schnapps|schnapp|~^k1|asked
weapons|weapon|~^k2
weapon||~^k2
blades|blade|~^k2
blade||~^k2
knives|knive|~^k2
knife||~^k2
sword||~^k2|asked
dagger||~^k2|asked
scissors|scissor|~^k2|asked
mace||~^k2|asked
catapult||~^k2|asked
axe|ax|~^k2|asked
hatchet||~^k2|asked
drugs|drug|~^k3
narcotics|narcot|~^k3
marihuana||~^k3|asked
amphetamines|amphetamin|~^k3|asked
poppers|popper|~^k3|asked
temple|templ|~^k4|asked
temples|templ|~^k4|asked
church||~^k4|asked
churches|church|~^k4|asked
mosque|mosqu|~^k4|asked
mosques|mosqu|~^k4|asked
cathedral|cathedr|~^k4|asked
cathedrals|cathedr|~^k4|asked
shrine||~^k4|asked
shrines|shrine|~^k4|asked
pagoda||~^k4|asked
pagodas|pagoda|~^k4|asked
monastery|monasteri|~^k4|asked
monasteries|monasteri|~^k4|asked
synagogue|synagogu|~^k4|asked
synagogues|synagogu|~^k4|asked
chapel||~^k4|asked
chapels|chapel|~^k4|asked
basilica||~^k4|asked
stupa||~^k4|asked
stupas|stupa|~^k4|asked
gurdwara||~^k4|asked
abbey|abbei|~^k4|asked
shell||~^k5|asked
shells|shell|~^k5|asked
seashell|seashel|~^k5|asked
seashells|seashel|~^k5|asked
coral||~^k5|asked
corals|coral|~^k5|asked
stone||~^k5|asked
stones|stone|~^k5|asked
rocks|rock|~^k5|asked
pebble|pebbl|~^k5|asked
pebbles|pebbl|~^k5|asked
sand||~^k5|asked
feather||~^k5|asked
feathers|feather|~^k5|asked
bones|bone|~^k5|asked
fossil||~^k5|asked
fossils|fossil|~^k5|asked
plants|plant|~^k5|asked
flowers|flower|~^k5|asked
valuables|valuabl|~^k6
valuable|valuabl|~^k6
jewellery|jewelleri|~^k6|asked
jewelry|jewelri|~^k6|asked
rolex||~^k6|asked
laptop||~^k6|asked
wallet||~^k6|asked
purse|purs|~^k6|asked
ipad||~^k6|asked
liquids|liquid|~^k7
liquid||~^k7
fluids|fluid|~^k7
shampoo||~^k7|asked
conditioner|condition|~^k7|asked
perfume|perfum|~^k7|asked
aftershave|aftershav|~^k7|asked
toothpaste|toothpast|~^k7|asked
sunscreen||~^k7|asked
lotion||~^k7|asked
sauce|sauc|~^k7|asked
honey|honei|~^k7|asked
aerosol||~^k7|asked
aerosols|aerosol|~^k7|asked
hairspray|hairsprai|~^k7|asked
foodstuffs|foodstuff|~^k8
meat||~^k8|asked
cheese|chees|~^k8|asked
dairy|dairi|~^k8|asked
milk||~^k8|asked
eggs|egg|~^k8|asked
sausage|sausag|~^k8|asked
sausages|sausag|~^k8|asked
salami||~^k8|asked
ham||~^k8|asked
jerky|jerki|~^k8|asked
biltong||~^k8|asked
fruit||~^k8|asked
fruits|fruit|~^k8|asked
vegetables|veget|~^k8|asked
seeds|seed|~^k8|asked
nuts|nut|~^k8|asked
honey|honei|~^k8|asked
military|militari|~^k9
soldiers|soldier|~^k9
army|armi|~^k9
flames|flame|~^k10
fire||~^k10
candle|candl|~^k10|asked
candles|candl|~^k10|asked
lighter||~^k10|asked
lighters|lighter|~^k10|asked
matches|match|~^k10|asked
sparkler||~^k10|asked
sparklers|sparkler|~^k10|asked
fireworks|firework|~^k10|asked
firework||~^k10|asked
lantern||~^k10|asked
lanterns|lantern|~^k10|asked
incense|incens|~^k10|asked
flare||~^k10|asked
flares|flare|~^k10|asked
nighttime|nighttim|~clock:night
overnight||~clock:night
tonight||~clock:evening
tonight||~clock:night
curfew||~clock:curfew
bedtime|bedtim|~clock:curfew
bedtime|bedtim|~clock:night
`;
