// Hand-written catalog, fresh departments: fruit and vegetables, meat and fish, dairy and cheese.
import { kg, shelf, u, type ProductSeed } from "./catalog-dsl";

const FRUIT = shelf("fruit", { tags: ["vegan"], keywords: "fresh fruit" }, [
  ["Bananas", null, kg(199), "Ripe Cavendish bananas from Martinique, sweet and creamy. Sold loose by weight.", { keywords: "banana", stock: { "lyon-part-dieu": 48000, "paris-bastille": 36000, "bordeaux-chartrons": 29000 } }],
  ["Organic Bananas", "Halles Bio", kg(279), "Organic fair-trade bananas from the Dominican Republic, picked green and ripened in France.", { keywords: "banana bio fairtrade" }],
  ["Gala Apples", null, kg(289), "Crunchy, sweet Gala apples from the Val de Loire, ideal for lunch boxes.", { keywords: "apple" }],
  ["Golden Delicious Apples", null, kg(249), "Juicy Golden apples from the Limousin, great raw or baked in a tart.", { keywords: "apple golden" }],
  ["Pink Lady Apples", null, kg(429), "Crisp, sweet-sharp Pink Lady apples from the south of France.", { keywords: "apple" }],
  ["Granny Smith Apples", null, kg(299), "Tart green apples, perfect for crumbles and salads.", { keywords: "apple green" }],
  ["Organic Juliet Apples", "Halles Bio", kg(459), "Organic Juliet apples grown without synthetic treatments in the south-west.", { keywords: "apple bio" }],
  ["Conference Pears", null, kg(319), "Long, juicy Conference pears with a melting texture.", { keywords: "pear" }],
  ["Clementines", null, kg(349), "Seedless Corsican clementines with their leaves, easy to peel.", { keywords: "clementine mandarin citrus" }],
  ["Navel Oranges", null, kg(259), "Sweet, seedless navel oranges from Spain for eating.", { keywords: "orange citrus" }],
  ["Juicing Oranges", null, u("2 kg", 449), "A 2 kg net of thin-skinned oranges, full of juice.", { keywords: "orange citrus juice" }],
  ["Unwaxed Lemons", "Vergers du Luberon", kg(389), "Untreated lemons whose zest can be grated into cakes and dressings.", { keywords: "lemon citrus" }],
  ["Organic Lemons", "Halles Bio", u("500 g", 249), "Organic lemons in a 500 g net, unwaxed after harvest.", { keywords: "lemon citrus bio" }],
  ["Kiwis", null, u("6 pieces", 249), "Six ripe Hayward kiwis from the Adour, rich in vitamin C.", { keywords: "kiwi kiwifruit" }],
  ["Hass Avocados", null, u("2 pieces", 299), "Two ready-to-eat Hass avocados with creamy flesh.", { keywords: "avocado" }],
  ["Mango", null, u("each", 179), "An air-freighted mango from Peru, ripe and fragrant.", { keywords: "mango tropical" }],
  ["Pineapple", null, u("each", 299), "A sweet Costa Rican pineapple, ripe when a leaf pulls out easily.", { keywords: "pineapple tropical" }],
  ["Seedless White Grapes", null, u("500 g", 349), "Crunchy seedless white grapes in a 500 g punnet.", { keywords: "grape" }],
  ["Gariguette Strawberries", "Vergers du Luberon", u("250 g", 399), "Fragrant Gariguette strawberries from Carpentras, the first of the season.", { keywords: "strawberry berries", featured: true, stock: { "lyon-part-dieu": 64, "paris-bastille": 0, "bordeaux-chartrons": 22 } }],
  ["Raspberries", null, u("125 g", 299), "Delicate raspberries in a 125 g punnet.", { keywords: "raspberry berries" }],
  ["Blueberries", null, u("125 g", 279), "Plump blueberries, a handful for breakfast or baking.", { keywords: "blueberry berries" }],
  ["Yellow Peaches", null, kg(399), "Juicy yellow-fleshed peaches from the Roussillon.", { keywords: "peach stone fruit" }],
  ["White Nectarines", null, kg(399), "Smooth-skinned white nectarines, sweet and fragrant.", { keywords: "nectarine stone fruit" }],
  ["Apricots", "Vergers du Luberon", kg(499), "Orange Bergeron apricots from the Rhône valley.", { keywords: "apricot stone fruit" }],
  ["Cherries", null, kg(899), "Dark, firm Burlat cherries from the Luberon.", { keywords: "cherry stone fruit" }],
  ["Reine-Claude Plums", null, kg(549), "Greengage plums, honey-sweet and green-gold.", { keywords: "plum greengage" }],
  ["Charentais Melon", null, u("each", 249), "A fragrant Charentais melon from Poitou, orange-fleshed and sweet.", { keywords: "melon" }],
]);

const VEGETABLES = shelf("vegetables", { tags: ["vegan"], keywords: "fresh vegetables veg" }, [
  ["Carrots", null, kg(149, 500), "Sweet, crunchy carrots from the Landes, for soups, stews or grating.", { keywords: "carrot" }],
  ["Organic Carrots", "Halles Bio", u("1 kg", 249), "Organic carrots in a 1 kg bag, grown in Brittany.", { keywords: "carrot bio" }],
  ["Charlotte Potatoes", "Maraîchers d'Anjou", kg(189, 500), "Firm-fleshed Charlotte potatoes that hold their shape in salads and sautés.", { keywords: "potato waxy" }],
  ["Baking Potatoes", null, u("2.5 kg", 349), "Floury potatoes in a 2.5 kg bag for mash, chips and jacket potatoes.", { keywords: "potato floury" }],
  ["Yellow Onions", null, kg(179, 500), "Everyday yellow onions with a mild flavour once cooked.", { keywords: "onion" }],
  ["Red Onions", null, kg(249), "Sweet red onions, lovely raw in salads.", { keywords: "onion" }],
  ["Shallots", "Maraîchers d'Anjou", u("500 g", 229), "Traditional grey shallots for sauces and vinaigrettes.", { keywords: "shallot echalote" }],
  ["Purple Garlic", null, u("3 pieces", 219), "Three bulbs of Lautrec-style purple garlic, mild and long-keeping.", { keywords: "garlic ail" }],
  ["Vine Tomatoes", null, kg(399), "Tomatoes ripened on the vine in Brittany, full of flavour.", { keywords: "tomato" }],
  ["Cherry Tomatoes", null, u("250 g", 229), "Sweet cherry tomatoes in a 250 g punnet, for snacking and salads.", { keywords: "tomato cherry" }],
  ["Heritage Tomatoes", "Jardins de Loire", kg(649), "A colourful mix of old tomato varieties: Cœur de Bœuf, Noire de Crimée, Green Zebra.", { keywords: "tomato heirloom" }],
  ["Courgettes", null, kg(279), "Tender green courgettes for ratatouille, gratins or the grill.", { keywords: "courgette zucchini" }],
  ["Organic Courgettes", "Halles Bio", kg(449), "Organic courgettes from Provence.", { keywords: "courgette zucchini bio" }],
  ["Aubergines", null, kg(329), "Glossy aubergines for moussaka, caviar d'aubergine or the barbecue.", { keywords: "aubergine eggplant" }],
  ["Red Peppers", null, kg(449), "Sweet red peppers, raw or roasted.", { keywords: "pepper bell capsicum" }],
  ["Leeks", null, kg(299), "Leeks from the Nantes region, for soups and vinaigrettes.", { keywords: "leek" }],
  ["Cucumber", null, u("each", 89), "A crisp cucumber for salads and tzatziki.", { keywords: "cucumber" }],
  ["Broccoli", null, u("each", 179), "A head of Breton broccoli, firm and deep green.", { keywords: "broccoli" }],
  ["Cauliflower", null, u("each", 249), "A white Breton cauliflower for gratins and roasts.", { keywords: "cauliflower" }],
  ["Button Mushrooms", null, u("250 g", 179), "White button mushrooms from the Loire caves.", { keywords: "mushroom champignon" }],
  ["Sweet Potatoes", null, kg(349), "Orange-fleshed sweet potatoes for roasting and soups.", { keywords: "sweet potato" }],
  ["Cooked Beetroot", null, u("500 g", 169), "Ready-to-eat cooked beetroot, vacuum packed.", { keywords: "beetroot beet" }],
  ["Extra-Fine Green Beans", null, kg(599), "Hand-picked extra-fine green beans, tender and quick to cook.", { keywords: "green beans haricots verts" }],
  ["Butternut Squash", null, kg(229), "Sweet, nutty butternut squash for soups and roasts.", { keywords: "squash pumpkin butternut" }],
  ["Fennel", null, kg(379), "Crunchy fennel bulbs with a gentle aniseed flavour.", { keywords: "fennel" }],
]);

const SALADS_HERBS = shelf("salads-herbs", { tags: ["vegan"], keywords: "salad fresh" }, [
  ["Iceberg Lettuce", null, u("each", 119), "A crisp iceberg lettuce, for burgers and crunchy salads.", { keywords: "lettuce" }],
  ["Butterhead Lettuce", null, u("each", 99), "A tender French butterhead lettuce.", { keywords: "lettuce laitue" }],
  ["Lamb's Lettuce", "Jardins de Loire", u("150 g", 199), "Washed and ready-to-eat lamb's lettuce (mâche) from Nantes.", { keywords: "lettuce mache corn salad" }],
  ["Rocket", null, u("125 g", 189), "Peppery washed rocket leaves.", { keywords: "rocket arugula roquette" }],
  ["Baby Spinach", null, u("200 g", 219), "Washed baby spinach leaves, for salads or wilted in a pan.", { keywords: "spinach" }],
  ["Mixed Salad Leaves", null, u("200 g", 229), "A washed mix of frisée, radicchio and lettuce leaves.", { keywords: "salad mix mesclun" }],
  ["Organic Mesclun", "Halles Bio", u("125 g", 249), "Organic young salad leaves and herbs from Provence.", { keywords: "salad mix mesclun bio" }],
  ["Flat-Leaf Parsley", null, u("1 bunch", 99), "A generous bunch of flat-leaf parsley.", { keywords: "herb parsley persil" }],
  ["Basil Plant", null, u("1 pot", 199), "A growing pot of Genovese basil for the kitchen windowsill.", { keywords: "herb basil basilic" }],
  ["Fresh Coriander", null, u("1 bunch", 99), "A bunch of fragrant fresh coriander.", { keywords: "herb coriander cilantro" }],
  ["Chives", null, u("1 bunch", 119), "A bunch of fresh chives for omelettes and fromage blanc.", { keywords: "herb chives ciboulette" }],
]);

const BEEF = shelf("beef", { keywords: "meat butcher" }, [
  ["Beef Rib-Eye Steak", "Maison Morel", kg(2990, 100), "Marbled rib-eye (entrecôte) from Charolais cattle, matured for 14 days.", { keywords: "steak entrecote", featured: true }],
  ["Beef Rump Steak", null, kg(2490, 100), "Lean, tender rump steak (rumsteck) from French-born cattle.", { keywords: "steak rumsteck" }],
  ["Minced Beef 15% Fat", null, kg(1390, 100), "Freshly minced beef from the butcher's counter, for bolognese and burgers.", { keywords: "mince ground beef hache" }],
  ["Minced Beef 5% Fat", null, u("500 g", 799), "Lean minced beef in a 500 g tray.", { keywords: "mince ground beef hache" }],
  ["Beef Bourguignon Chunks", null, kg(1690, 100), "Shoulder and chuck in large chunks for slow-cooked stews.", { keywords: "stew braising beef bourguignon" }],
  ["Charolais Beef Fillet", "Maison Morel", kg(4590, 100), "The tenderest cut, for tournedos and beef Wellington.", { keywords: "fillet tenderloin filet" }],
  ["Beef Burgers", null, u("2 x 125 g", 449), "Two pure beef burgers, 15% fat, seasoned only with salt.", { keywords: "burger patty" }],
  ["Beef Carpaccio", null, u("150 g", 549), "Thin slices of beef with a sachet of olive oil and parmesan.", { keywords: "carpaccio raw beef" }],
]);

const POULTRY = shelf("poultry", { keywords: "meat chicken poultry" }, [
  ["Free-Range Chicken Thighs", "Volailles Perrin", kg(899, 250), "Bone-in free-range chicken thighs, juicy and full of flavour.", { keywords: "chicken thigh" }],
  ["Chicken Breast Fillets", null, kg(1490, 100), "Skinless French chicken breast fillets.", { keywords: "chicken breast fillet" }],
  ["Label Rouge Whole Chicken", "Volailles Perrin", kg(799, 500), "A Label Rouge free-range chicken reared for at least 81 days, ready to roast.", { keywords: "chicken whole roast", featured: true }],
  ["Chicken Drumsticks", null, kg(649, 250), "Free-range chicken drumsticks for the oven or the barbecue.", { keywords: "chicken drumstick leg" }],
  ["Chicken Wings", null, kg(599, 250), "Chicken wings to marinate and roast.", { keywords: "chicken wings" }],
  ["Duck Breast", "Volailles Perrin", kg(2290, 100), "Magret from the south-west, to cook skin-side down until crisp.", { keywords: "duck magret" }],
  ["Turkey Escalopes", null, u("2 x 150 g", 549), "Two thin turkey escalopes, quick to pan-fry.", { keywords: "turkey escalope" }],
  ["Organic Chicken Breasts", "Halles Bio", u("280 g", 899), "Two organic chicken breasts from birds reared outdoors.", { keywords: "chicken breast bio" }],
]);

const PORK = shelf("pork", { keywords: "meat pork butcher" }, [
  ["Pork Chops", null, kg(1090, 100), "Bone-in pork chops from outdoor-reared pigs.", { keywords: "chop cotelette" }],
  ["Pork Belly Slices", null, kg(1190, 100), "Thick slices of pork belly for the grill or the plancha.", { keywords: "belly poitrine" }],
  ["Toulouse Sausages", "Maison Morel", kg(1290, 100), "Coarse pork sausages made to the Toulouse recipe, for cassoulet or the grill.", { keywords: "sausage saucisse" }],
  ["Pork Tenderloin", null, kg(1590, 100), "A lean pork tenderloin (filet mignon), to roast whole.", { keywords: "tenderloin filet mignon" }],
  ["Smoked Bacon Lardons", null, u("2 x 100 g", 259), "Smoked bacon lardons for quiches and carbonara.", { keywords: "bacon lardons" }],
  ["Pork Shoulder Roast", null, kg(990, 250), "A boned and tied pork shoulder for slow roasting.", { keywords: "roast shoulder" }],
]);

const LAMB_VEAL = shelf("lamb-veal", { keywords: "meat butcher" }, [
  ["Leg of Lamb", "Maison Morel", kg(1990, 250), "A French leg of lamb on the bone for the Sunday roast.", { keywords: "lamb gigot roast" }],
  ["Lamb Chops", null, kg(2590, 100), "Tender lamb cutlets to grill pink.", { keywords: "lamb chop cotelette" }],
  ["Veal Escalopes", null, kg(3290, 100), "Thin veal escalopes cut from the topside.", { keywords: "veal escalope" }],
  ["Veal Blanquette Pieces", null, kg(2190, 100), "Breast and shoulder of veal for a creamy blanquette.", { keywords: "veal stew blanquette" }],
  ["Merguez Sausages", null, kg(1390, 100), "Spicy beef and lamb merguez for the barbecue.", { keywords: "merguez sausage lamb" }],
]);

const FISH = shelf("fish-seafood", { keywords: "fish seafood fishmonger" }, [
  ["Salmon Fillet", "Marée de Bretagne", kg(2490, 100), "Skin-on Norwegian salmon fillet, pin-boned at the counter.", { keywords: "salmon saumon" }],
  ["Cod Loin", "Marée de Bretagne", kg(2790, 100), "Thick, white cod loin from the North-East Atlantic (MSC).", { keywords: "cod cabillaud" }],
  ["Whole Sea Bream", null, kg(1690, 250), "Whole gilt-head sea bream, scaled and gutted, to bake in the oven.", { keywords: "sea bream dorade" }],
  ["Tuna Steak", null, kg(3290, 100), "Yellowfin tuna steaks to sear quickly.", { keywords: "tuna thon" }],
  ["Fresh Sardines", null, kg(1090, 250), "Whole Breton sardines for the grill.", { keywords: "sardine" }],
  ["Hake Fillet", null, kg(1990, 100), "Delicate hake fillets from Atlantic day boats.", { keywords: "hake merlu" }],
  ["Cooked Whole Prawns", null, kg(1990, 100), "Pink prawns, cooked and ready to peel.", { keywords: "prawn shrimp crevette" }],
  ["Raw Peeled Prawns", null, u("200 g", 549), "Raw, peeled king prawns for stir-fries and pasta.", { keywords: "prawn shrimp crevette" }],
  ["Rope-Grown Mussels", "Marée de Bretagne", kg(549, 500), "Bouchot mussels from Mont-Saint-Michel bay, cleaned and ready to cook.", { keywords: "mussels moules shellfish" }],
  ["Fines de Claire Oysters No. 3", null, u("12 pieces", 1290), "A dozen Marennes-Oléron oysters, refined in claires.", { keywords: "oysters huitres shellfish" }],
  ["Scottish Smoked Salmon", "Marée de Bretagne", u("4 x 30 g", 599), "Four slices of beech-smoked Scottish salmon.", { keywords: "smoked salmon saumon fume" }],
  ["Organic Salmon Fillets", "Halles Bio", u("2 x 125 g", 899), "Two skin-on organic Irish salmon fillets.", { keywords: "salmon saumon bio" }],
]);

const MILK = shelf("milk", { keywords: "milk lait" }, [
  ["Semi-Skimmed Milk", "Halles", [u("1 l", 109), u("6 x 1 l", 629)], "UHT semi-skimmed milk from French farms.", { tags: ["vegetarian", "gluten_free"] }],
  ["Whole Milk", "Halles", [u("1 l", 129), u("6 x 1 l", 749)], "Creamy UHT whole milk, 3.5% fat.", { tags: ["vegetarian", "gluten_free"] }],
  ["Organic Semi-Skimmed Milk", "Halles Bio", [u("1 l", 149), u("6 x 1 l", 859)], "Organic semi-skimmed milk from grass-fed cows.", { tags: ["vegetarian", "gluten_free"], keywords: "bio" }],
  ["Fresh Whole Milk", "Ferme du Vallon", u("1 l", 169), "Microfiltered fresh whole milk from Normandy, keep refrigerated.", { tags: ["vegetarian", "gluten_free"] }],
  ["Skimmed Milk", "Halles", u("1 l", 99), "UHT skimmed milk, 0% fat.", { tags: ["vegetarian", "gluten_free"] }],
  ["Lactose-Free Semi-Skimmed Milk", "Laiterie des Monts", u("1 l", 169), "Semi-skimmed milk with the lactose removed, easy to digest.", { tags: ["vegetarian", "gluten_free"] }],
  ["Oat Drink", "Halles", u("1 l", 199), "A creamy oat drink, an alternative to milk in coffee and cereals.", { tags: ["vegan", "lactose_free"], keywords: "plant-based oat milk" }],
  ["Organic Soya Drink", "Halles Bio", u("1 l", 179), "Unsweetened organic soya drink made with French soya beans.", { tags: ["vegan", "lactose_free", "gluten_free"], keywords: "plant-based soy milk" }],
  ["Almond Drink", "Halles", u("1 l", 249), "A lightly sweetened almond drink.", { tags: ["vegan", "lactose_free", "gluten_free"], keywords: "plant-based almond milk" }],
  ["Chocolate Milk", "Laiterie des Monts", u("6 x 20 cl", 329), "Six small bottles of chocolate milk for lunch boxes.", { tags: ["vegetarian"], keywords: "chocolate cocoa" }],
]);

const YOGHURTS = shelf("yoghurts-desserts", { tags: ["vegetarian"], keywords: "dessert chilled" }, [
  ["Greek-Style Natural Yoghurt", "Halles", [u("4 x 125 g", 199), u("500 g", 249)], "Thick, creamy Greek-style yoghurt made with whole milk.", { tags: ["gluten_free"], keywords: "yogurt yoghurt greek", featured: true }],
  ["Natural Whole Milk Yoghurt", "Ferme du Vallon", u("4 x 125 g", 149), "Set yoghurt in glass pots, made on the farm with whole milk.", { tags: ["gluten_free"], keywords: "yogurt yoghurt plain" }],
  ["Organic Natural Yoghurt", "Halles Bio", u("4 x 125 g", 219), "Organic stirred natural yoghurt.", { tags: ["gluten_free"], keywords: "yogurt yoghurt bio plain" }],
  ["Strawberry Yoghurt", "Halles", u("8 x 125 g", 319), "Creamy yoghurts with pieces of strawberry.", { keywords: "yogurt yoghurt fruit" }],
  ["Vanilla Yoghurt", "Ferme du Vallon", u("4 x 125 g", 229), "Whole milk yoghurt flavoured with Bourbon vanilla.", { keywords: "yogurt yoghurt" }],
  ["Lactose-Free Natural Yoghurt", "Laiterie des Monts", u("4 x 125 g", 239), "Natural yoghurt with the lactose removed.", { tags: ["gluten_free"], keywords: "yogurt yoghurt" }],
  ["Plain Soya Yoghurt Alternative", "Halles", u("4 x 100 g", 229), "A plain fermented soya alternative to yoghurt.", { tags: ["vegan", "lactose_free"], keywords: "yogurt yoghurt plant-based soy" }],
  ["Sheep's Milk Yoghurt", "Chèvrerie des Causses", u("2 x 125 g", 229), "Mild, creamy yoghurt made with sheep's milk from Aveyron.", { tags: ["gluten_free"], keywords: "yogurt yoghurt brebis" }],
  ["Natural Skyr", "Laiterie des Monts", u("450 g", 259), "Icelandic-style strained fermented milk, high in protein and fat-free.", { keywords: "skyr yogurt yoghurt" }],
  ["Fromage Blanc 3%", "Halles", [u("500 g", 189), u("1 kg", 339)], "Smooth fromage blanc, delicious with honey or herbs.", { keywords: "fromage frais quark" }],
  ["Petits Suisses", "Ferme du Vallon", u("6 x 60 g", 169), "Little pots of fresh cheese, a classic children's dessert.", { keywords: "fromage frais" }],
  ["Chocolate Mousse", "Halles", u("4 x 60 g", 189), "Airy dark chocolate mousse.", { keywords: "mousse chocolate" }],
  ["Crème Caramel", "Halles", u("4 x 100 g", 199), "Set egg custards under a layer of caramel.", { keywords: "flan caramel custard" }],
  ["Vanilla Rice Pudding", "Crèmerie Lambert", u("4 x 100 g", 219), "Rice slowly cooked in whole milk with vanilla.", { keywords: "riz au lait rice pudding" }],
]);

const CHEESE = shelf("cheese", { tags: ["vegetarian"], keywords: "cheese fromage" }, [
  ["Comté AOP 18 Months", "Fromagerie du Haut-Doubs", kg(2290, 100), "Comté matured for 18 months in the Jura: fruity, nutty and crystalline.", { tags: ["gluten_free", "lactose_free"], keywords: "comte counter", featured: true }],
  ["Beaufort AOP", "Fromagerie du Haut-Doubs", kg(2790, 100), "Savoy's prince of Gruyères, made with summer mountain milk.", { tags: ["gluten_free"], keywords: "beaufort counter" }],
  ["Tomme de Savoie IGP", null, kg(1690, 100), "A mild, supple mountain tomme with a grey rind.", { keywords: "tomme counter" }],
  ["Morbier AOP", null, kg(1890, 100), "A soft Jura cheese with its line of vegetable ash.", { keywords: "morbier counter" }],
  ["Brie de Meaux AOP", null, kg(1990, 100), "Creamy raw-milk Brie from the Île-de-France, cut from the wheel.", { keywords: "brie counter" }],
  ["Raclette Cheese", "Fromagerie du Haut-Doubs", kg(1590, 100), "Sliced raclette cheese for melting, count 200 g per person.", { keywords: "raclette counter" }],
  ["Aged Mimolette", null, kg(2190, 100), "Orange Mimolette aged 18 months, firm and nutty.", { keywords: "mimolette counter" }],
  ["Camembert de Normandie AOP", "Ferme du Vallon", u("250 g", 349), "Raw-milk Camembert moulded by ladle in Normandy.", { keywords: "camembert" }],
  ["Roquefort AOP", null, u("150 g", 449), "Sheep's milk blue cheese ripened in the caves of Roquefort.", { keywords: "roquefort blue" }],
  ["Reblochon de Savoie AOP", null, u("450 g", 749), "A whole Reblochon, the essential cheese for tartiflette.", { keywords: "reblochon tartiflette" }],
  ["Goat's Cheese Log", "Chèvrerie des Causses", u("180 g", 279), "A soft-ripened goat's cheese log with a bloomy rind.", { keywords: "goat chevre" }],
  ["Organic Fresh Goat's Cheese", "Halles Bio", u("150 g", 299), "Fresh, lemony organic goat's cheese.", { keywords: "goat chevre bio" }],
  ["Grated Emmental", "Halles", [u("200 g", 229), u("500 g", 499)], "Grated French Emmental for gratins and pasta.", { keywords: "emmental grated rape" }],
  ["Mature English Cheddar", null, u("200 g", 329), "A crumbly, tangy farmhouse Cheddar matured for 12 months.", { tags: ["gluten_free"], keywords: "cheddar" }],
  ["Buffalo Mozzarella", null, u("125 g", 249), "Mozzarella di Bufala Campana DOP.", { keywords: "mozzarella" }],
  ["Feta PDO", null, u("200 g", 299), "Greek feta made with sheep's and goat's milk.", { keywords: "feta" }],
  ["Parmigiano Reggiano 24 Months", null, u("200 g", 549), "A wedge of Parmigiano Reggiano aged 24 months.", { tags: ["gluten_free", "lactose_free"], keywords: "parmesan" }],
]);

const BUTTER_CREAM = shelf("butter-cream", { tags: ["vegetarian", "gluten_free"], keywords: "dairy" }, [
  ["Unsalted Butter", "Halles", u("250 g", 299), "Sweet cream butter, 82% fat, for cooking and baking.", { keywords: "butter beurre doux" }],
  ["Salted Butter with Sea Salt Crystals", "Crèmerie Lambert", u("250 g", 349), "Churned Breton butter studded with Guérande sea salt crystals.", { keywords: "butter beurre demi-sel", featured: true }],
  ["Organic Butter", "Halles Bio", u("250 g", 379), "Organic unsalted butter from Normandy.", { keywords: "butter beurre bio" }],
  ["Crème Fraîche Épaisse", "Crèmerie Lambert", [u("20 cl", 149), u("50 cl", 299)], "Thick, slightly tangy crème fraîche from Isigny country, 30% fat.", { keywords: "cream creme fraiche" }],
  ["Liquid Cream 30%", "Halles", u("20 cl", 129), "Pouring cream for sauces and whipping.", { keywords: "cream creme liquide" }],
  ["Light Cooking Cream 15%", "Halles", u("3 x 20 cl", 299), "Lighter cream for cooking, three small cartons.", { keywords: "cream light" }],
  ["Plant-Based Spread", "Halles", u("250 g", 229), "A sunflower and rapeseed spread for toast and cooking.", { tags: ["vegan", "lactose_free"], keywords: "margarine spread plant-based" }],
]);

const EGGS = shelf("eggs", { tags: ["vegetarian", "gluten_free"], keywords: "eggs oeufs" }, [
  ["Free-Range Eggs", "Halles", [u("6 eggs", 239), u("12 eggs", 449)], "Large free-range eggs from hens with outdoor access.", { keywords: "egg" }],
  ["Organic Eggs", "Halles Bio", [u("6 eggs", 289), u("12 eggs", 549)], "Organic eggs from hens fed on organic grain.", { keywords: "egg bio" }],
  ["Farm Eggs", "Ferme du Vallon", u("10 eggs", 399), "Extra-fresh eggs laid on a family farm in the Perche.", { keywords: "egg" }],
  ["Quail Eggs", null, u("12 eggs", 279), "Speckled quail eggs for salads and aperitifs.", { keywords: "quail egg" }],
]);

export const FRESH_PRODUCTS: ProductSeed[] = [
  ...FRUIT, ...VEGETABLES, ...SALADS_HERBS, ...BEEF, ...POULTRY, ...PORK, ...LAMB_VEAL, ...FISH,
  ...MILK, ...YOGHURTS, ...CHEESE, ...BUTTER_CREAM, ...EGGS,
];
