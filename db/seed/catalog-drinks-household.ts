// Hand-written catalog, the rest of the shop: drinks, wine and beer, snacks, baby, household and personal care.
import { shelf, u, VAT, type ProductSeed } from "./catalog-dsl";

const WATER = shelf("water", { tags: ["vegan", "gluten_free"], keywords: "water eau drink" }, [
  ["Still Mineral Water", "Source Montclair", [u("1.5 l", 45), u("6 x 1.5 l", 259)], "Natural mineral water from the Auvergne volcanoes, low in sodium.", { keywords: "still plate" }],
  ["Sparkling Mineral Water", "Source Montclair", [u("1 l", 79), u("6 x 1 l", 449)], "Naturally sparkling mineral water with fine bubbles.", { keywords: "sparkling gazeuse fizzy" }],
  ["Spring Water", "Halles", u("6 x 1.5 l", 169), "Natural spring water in a six-pack.", { keywords: "still source" }],
  ["Lightly Sparkling Water", "Source Montclair", u("1 l", 89), "Gently sparkling water, perfect at the table.", { keywords: "sparkling fines bulles" }],
  ["Lemon Sparkling Water", "Halles", u("1 l", 99), "Sparkling water with a natural lemon flavour, no sugar.", { keywords: "flavoured sparkling lemon" }],
  ["Still Water Small Bottles", "Source Montclair", u("6 x 50 cl", 249), "Six 50 cl bottles for lunch boxes and sport.", { keywords: "still small bottle" }],
]);

const JUICES = shelf("juices", { tags: ["vegan", "gluten_free"], keywords: "juice jus drink" }, [
  ["Pure Orange Juice with Pulp", "Halles", [u("1 l", 229), u("1.5 l", 319)], "100% pressed orange juice with pulp, not from concentrate.", { keywords: "orange", featured: true }],
  ["Freshly Squeezed Orange Juice", "Vergers du Luberon", u("1 l", 399), "Oranges squeezed in France, kept chilled, drink within 5 days.", { keywords: "orange fresh" }],
  ["Cloudy Apple Juice", "Vergers de Normandie", u("1 l", 249), "Pressed Normandy apple juice, naturally cloudy.", { keywords: "apple pomme" }],
  ["Organic Apple Juice", "Halles Bio", u("1 l", 259), "Organic clear apple juice.", { keywords: "apple pomme bio" }],
  ["Multivitamin Juice", "Halles", u("1 l", 189), "A blend of nine fruits enriched with vitamins.", { keywords: "multifruit" }],
  ["Pink Grapefruit Juice", "Halles", u("1 l", 229), "Pure pink grapefruit juice.", { keywords: "grapefruit pamplemousse" }],
  ["Tomato Juice", "Halles", u("1 l", 199), "Tomato juice with a pinch of sea salt.", { keywords: "tomato" }],
  ["Pear Nectar", "Vergers de Normandie", u("75 cl", 279), "A smooth Williams pear nectar.", { keywords: "pear poire nectar" }],
  ["Mango and Passion Fruit Smoothie", "Halles", u("75 cl", 349), "Blended mango, banana and passion fruit, nothing added.", { keywords: "smoothie mango" }],
]);

const SOFT_DRINKS = shelf("soft-drinks", { tags: ["vegan", "gluten_free"], keywords: "soft drink soda" }, [
  ["Cola", "Halles", [u("1.5 l", 169), u("6 x 33 cl", 349)], "A classic cola with a hint of vanilla.", { keywords: "cola" }],
  ["Cola Zero Sugar", "Halles", u("1.5 l", 169), "Cola with no sugar, sweetened with stevia.", { keywords: "cola diet light" }],
  ["Traditional Lemonade", "Limonaderie Brunel", u("75 cl", 249), "A cloudy lemonade in a swing-top bottle, made in the Ardèche.", { keywords: "lemonade limonade" }],
  ["Sparkling Orange", "Limonaderie Brunel", u("6 x 33 cl", 399), "Sparkling orange drink with 12% juice.", { keywords: "orangeade" }],
  ["Peach Iced Tea", "Halles", u("1.5 l", 179), "Black tea with peach flavour, lightly sweetened.", { keywords: "ice tea peche" }],
  ["Ginger Beer", "Limonaderie Brunel", u("4 x 25 cl", 399), "A fiery, non-alcoholic ginger beer.", { keywords: "ginger" }],
  ["Tonic Water", "Limonaderie Brunel", u("4 x 20 cl", 299), "A dry tonic with natural quinine.", { keywords: "tonic mixer" }],
  ["Grenadine Syrup", "Halles", u("75 cl", 229), "A pomegranate-flavoured syrup to dilute with water.", { keywords: "syrup sirop grenadine cordial" }],
  ["Mint Syrup", "Halles", u("75 cl", 229), "A refreshing green mint cordial.", { keywords: "syrup sirop menthe cordial" }],
]);

const COFFEE_TEA = shelf("coffee-tea", { keywords: "hot drink" }, [
  ["Arabica Ground Coffee", "Café Lavoisier", [u("250 g", 349), u("4 x 250 g", 1299)], "A smooth 100% Arabica blend from Brazil and Ethiopia, medium roast.", { tags: ["vegan", "gluten_free"], keywords: "coffee cafe moulu" }],
  ["Espresso Coffee Beans", "Café Lavoisier", u("1 kg", 1499), "Dark-roasted beans for espresso machines.", { tags: ["vegan", "gluten_free"], keywords: "coffee cafe grains espresso" }],
  ["Organic Fairtrade Ground Coffee", "Halles Bio", u("250 g", 429), "Organic Peruvian Arabica, fairtrade certified.", { tags: ["vegan", "gluten_free"], keywords: "coffee cafe bio" }],
  ["Lungo Coffee Capsules", "Café Lavoisier", u("10 pieces", 289), "Ten compostable capsules compatible with Nespresso machines.", { tags: ["vegan", "gluten_free"], keywords: "coffee capsules pods" }],
  ["Decaffeinated Ground Coffee", "Halles", u("250 g", 369), "Arabica decaffeinated with water only.", { tags: ["vegan", "gluten_free"], keywords: "coffee decaf" }],
  ["Instant Coffee", "Halles", u("100 g", 449), "Freeze-dried instant coffee.", { tags: ["vegan", "gluten_free"], keywords: "coffee soluble" }],
  ["Earl Grey Tea", "Thés de la Pagode", u("20 bags", 299), "Black tea scented with bergamot, in twenty bags.", { tags: ["vegan", "gluten_free"], keywords: "tea the" }],
  ["English Breakfast Tea", "Thés de la Pagode", u("40 bags", 349), "A robust Assam and Ceylon blend.", { tags: ["vegan", "gluten_free"], keywords: "tea the" }],
  ["Green Tea with Mint", "Thés de la Pagode", u("20 bags", 279), "Gunpowder green tea with Nanah mint.", { tags: ["vegan", "gluten_free"], keywords: "tea the vert" }],
  ["Chamomile Infusion", "Halles", u("25 bags", 199), "Caffeine-free chamomile flowers.", { tags: ["vegan", "gluten_free"], keywords: "herbal tea tisane" }],
  ["Hot Chocolate Powder", "Halles", u("800 g", 399), "Cocoa powder with sugar to stir into hot milk.", { tags: ["vegan"], keywords: "cocoa chocolat chaud" }],
]);

const RED_WINE = shelf("red-wine", { vat: VAT.standard, keywords: "wine vin rouge red alcohol" }, [
  ["Côtes du Rhône Rouge AOC", "Domaine des Trois Chênes", u("75 cl", 549), "Grenache and Syrah, red-fruited and supple.", { keywords: "rhone" }],
  ["Bordeaux Supérieur", "Château Lamothe-Sarrail", u("75 cl", 699), "Merlot-led Bordeaux with soft tannins.", { keywords: "bordeaux" }],
  ["Saint-Émilion Grand Cru", "Château Lamothe-Sarrail", u("75 cl", 1890), "A rich, oak-aged Right Bank red, to keep or to open with a rib of beef.", { keywords: "saint emilion bordeaux" }],
  ["Beaujolais-Villages", "Domaine des Trois Chênes", u("75 cl", 649), "Juicy, light Gamay to serve slightly chilled.", { keywords: "beaujolais gamay" }],
  ["Organic Languedoc Red", "Halles Bio", u("75 cl", 599), "An organic Syrah-Grenache blend from the Languedoc.", { tags: ["vegan"], keywords: "languedoc bio" }],
  ["Bourgogne Pinot Noir", "Domaine des Trois Chênes", u("75 cl", 1290), "A fragrant Burgundy Pinot Noir with cherry notes.", { keywords: "burgundy bourgogne pinot" }],
  ["Red Table Wine Bag-in-Box", "Halles", u("3 l", 1290), "A fruity French red in a 3-litre box.", { keywords: "bib cubi" }],
]);

const WHITE_ROSE = shelf("white-rose-wine", { vat: VAT.standard, keywords: "wine vin alcohol" }, [
  ["Côtes de Provence Rosé", "Domaine des Trois Chênes", u("75 cl", 899), "A pale, dry rosé with notes of peach and citrus.", { keywords: "rose provence", featured: true }],
  ["Pays d'Oc Rosé", "Halles", u("75 cl", 449), "An easy-drinking Grenache rosé.", { keywords: "rose" }],
  ["Sancerre Blanc", "Domaine des Trois Chênes", u("75 cl", 1490), "Crisp Loire Sauvignon Blanc with a mineral finish.", { keywords: "white blanc sancerre sauvignon" }],
  ["Muscadet Sèvre et Maine", "Halles", u("75 cl", 599), "A dry, saline white for oysters and mussels.", { keywords: "white blanc muscadet" }],
  ["Chablis", "Domaine des Trois Chênes", u("75 cl", 1390), "Unoaked Chardonnay from northern Burgundy.", { keywords: "white blanc chablis chardonnay" }],
  ["Alsace Riesling", "Halles", u("75 cl", 849), "A dry, aromatic Riesling from Alsace.", { keywords: "white blanc riesling alsace" }],
]);

const SPARKLING = shelf("champagne-sparkling", { vat: VAT.standard, keywords: "sparkling bubbles alcohol" }, [
  ["Champagne Brut", "Champagne Lecourt-Delmas", u("75 cl", 2990), "A Pinot-led brut champagne with fine, persistent bubbles.", { keywords: "champagne", featured: true }],
  ["Champagne Rosé", "Champagne Lecourt-Delmas", u("75 cl", 3690), "A salmon-pink champagne with red berry notes.", { keywords: "champagne rose" }],
  ["Crémant de Bourgogne", "Domaine des Trois Chênes", u("75 cl", 999), "A traditional-method sparkling wine from Burgundy.", { keywords: "cremant" }],
  ["Organic Crémant de Loire", "Halles Bio", u("75 cl", 1090), "Organic Chenin Blanc sparkling wine.", { keywords: "cremant bio" }],
]);

const BEER_CIDER = shelf("beer-cider", { vat: VAT.standard, keywords: "beer biere alcohol" }, [
  ["Lager", "Halles", u("6 x 25 cl", 449), "A crisp, refreshing pale lager, 4.8% ABV.", { tags: ["vegan"], keywords: "blonde" }],
  ["Blonde Abbey Beer", "Brasserie du Canal", u("75 cl", 449), "A rich, fruity abbey-style blonde, 6.5% ABV.", { keywords: "abbaye blonde" }],
  ["Pale Ale IPA", "Brasserie du Canal", u("33 cl", 249), "A hoppy India Pale Ale brewed in Lyon, 5.9% ABV.", { tags: ["vegan"], keywords: "ipa craft" }],
  ["Wheat Beer", "Brasserie du Canal", u("33 cl", 229), "A cloudy white beer with orange peel and coriander.", { keywords: "blanche wheat craft" }],
  ["Alcohol-Free Lager", "Halles", u("6 x 25 cl", 449), "All the taste of a lager with 0.0% alcohol.", { vat: VAT.food, tags: ["vegan"], keywords: "non-alcoholic sans alcool" }],
  ["Normandy Brut Cider", "Vergers de Normandie", u("75 cl", 349), "A dry, sparkling farmhouse cider, 5% ABV.", { tags: ["vegan", "gluten_free"], keywords: "cider cidre" }],
  ["Sweet Breton Cider", "Halles", u("75 cl", 299), "A sweet, fruity cider for crêpes, 2.5% ABV.", { tags: ["vegan", "gluten_free"], keywords: "cider cidre doux" }],
  ["Amber Ale", "Brasserie du Canal", u("33 cl", 239), "A malty amber ale with caramel notes.", { keywords: "ambree craft" }],
]);

const SPIRITS = shelf("spirits", { vat: VAT.standard, keywords: "spirits alcohol" }, [
  ["Calvados Pays d'Auge", "Vergers de Normandie", u("70 cl", 2990), "An apple brandy aged 4 years in oak.", { keywords: "calvados brandy" }],
  ["Cognac VS", "Distillerie Aubier", u("70 cl", 3290), "A young, fruity cognac for cocktails.", { keywords: "cognac brandy" }],
  ["Pastis de Marseille", "Distillerie Aubier", u("1 l", 2190), "Aniseed aperitif to serve with five parts cold water.", { keywords: "pastis anise aperitif" }],
  ["French Dry Gin", "Distillerie Aubier", u("70 cl", 2990), "A citrus-forward gin distilled with Provence botanicals.", { keywords: "gin" }],
  ["Blended Scotch Whisky", "Halles", u("70 cl", 1990), "A smooth blended Scotch, aged 3 years.", { keywords: "whisky whiskey" }],
  ["Bas-Armagnac", "Distillerie Aubier", u("70 cl", 3490), "A single-estate Armagnac aged 8 years.", { keywords: "armagnac brandy" }],
]);

const CRISPS_NUTS = shelf("crisps-nuts", { keywords: "snack aperitif" }, [
  ["Sea Salt Crisps", "Croquant & Co", u("150 g", 179), "Thin, crunchy crisps with sea salt.", { tags: ["vegan", "gluten_free"], keywords: "crisps chips" }],
  ["Kettle-Cooked Crisps with Guérande Salt", "Croquant & Co", u("150 g", 229), "Hand-cooked crisps in sunflower oil.", { tags: ["vegan", "gluten_free"], keywords: "crisps chips" }],
  ["Paprika Crisps", "Halles", u("135 g", 169), "Ridged crisps with a smoky paprika seasoning.", { tags: ["vegan"], keywords: "crisps chips" }],
  ["Organic Tortilla Chips", "Halles Bio", u("125 g", 219), "Organic corn tortilla chips, lightly salted.", { tags: ["vegan", "gluten_free"], keywords: "nachos tortilla bio" }],
  ["Salted Peanuts", "Halles", u("200 g", 169), "Roasted and salted peanuts.", { tags: ["vegan", "gluten_free"], keywords: "peanuts cacahuetes nuts" }],
  ["Roasted Cashews", "Croquant & Co", u("150 g", 349), "Lightly salted roasted cashew nuts.", { tags: ["vegan", "gluten_free"], keywords: "cashew nuts" }],
  ["Mixed Nuts and Raisins", "Halles", u("200 g", 299), "Almonds, hazelnuts, cashews and raisins.", { tags: ["vegan", "gluten_free"], keywords: "nuts trail mix" }],
  ["Roasted Pistachios", "Croquant & Co", u("250 g", 499), "Salted pistachios in their shells.", { tags: ["vegan", "gluten_free"], keywords: "pistachio nuts" }],
  ["Lightly Salted Rice Cakes", "Halles", u("130 g", 149), "Crunchy puffed brown-rice cakes.", { tags: ["vegan", "gluten_free"], keywords: "rice cakes galettes de riz" }],
  ["Salted Popcorn", "Croquant & Co", u("90 g", 179), "Air-popped popcorn with a pinch of salt.", { tags: ["vegan", "gluten_free"], keywords: "popcorn" }],
]);

const CHOCOLATE = shelf("chocolate", { keywords: "chocolate chocolat" }, [
  ["Dark Chocolate 70%", "Chocolaterie Armand", u("100 g", 189), "A single-origin Peruvian dark chocolate, fruity and intense.", { tags: ["vegan", "gluten_free"], keywords: "dark noir", featured: true }],
  ["Organic Dark Chocolate 85%", "Halles Bio", u("100 g", 229), "Very dark organic chocolate with little sugar.", { tags: ["vegan", "gluten_free"], keywords: "dark noir bio" }],
  ["Milk Chocolate with Whole Hazelnuts", "Chocolaterie Armand", u("200 g", 299), "Creamy milk chocolate packed with roasted hazelnuts.", { tags: ["vegetarian", "gluten_free"], keywords: "milk lait hazelnut" }],
  ["White Chocolate", "Halles", u("100 g", 149), "Smooth white chocolate with Bourbon vanilla.", { tags: ["vegetarian"], keywords: "white blanc" }],
  ["Dark Chocolate with Orange", "Chocolaterie Armand", u("100 g", 219), "Dark chocolate with candied orange peel.", { tags: ["vegan"], keywords: "dark orange" }],
  ["Cocoa-Dusted Truffles", "Chocolaterie Armand", u("200 g", 499), "Melt-in-the-mouth chocolate truffles rolled in cocoa.", { tags: ["vegetarian", "gluten_free"], keywords: "truffes truffles gift" }],
  ["Assorted Praline Chocolates", "Chocolaterie Armand", u("250 g", 1290), "A box of 24 pralines and ganaches.", { tags: ["vegetarian"], keywords: "pralines gift box" }],
  ["Milk Chocolate Mini Bars", "Halles", u("10 x 20 g", 299), "Ten mini bars of milk chocolate for snacks.", { tags: ["vegetarian"], keywords: "milk lait kids" }],
  ["Oat Milk Chocolate", "Chocolaterie Armand", u("100 g", 279), "A creamy vegan alternative to milk chocolate made with oats.", { tags: ["vegan", "lactose_free"], keywords: "plant-based dairy-free" }],
]);

const BISCUITS = shelf("biscuits", { keywords: "biscuit cookie snack" }, [
  ["Petit Beurre Biscuits", "Biscuiterie Jolival", u("200 g", 149), "The classic Nantes butter biscuit with its 52 teeth.", { tags: ["vegetarian"], keywords: "butter biscuit" }],
  ["Chocolate Chip Cookies", "Biscuiterie Jolival", u("200 g", 219), "Crunchy cookies with big chocolate chips.", { tags: ["vegetarian"], keywords: "cookies" }],
  ["Breton Butter Galettes", "Biscuiterie Jolival", u("125 g", 199), "Thick shortbread galettes made with Breton butter.", { tags: ["vegetarian"], keywords: "shortbread sable" }],
  ["Speculoos", "Halles", u("250 g", 179), "Caramelised spiced biscuits, for coffee.", { tags: ["vegan"], keywords: "speculoos spiced" }],
  ["Gluten-Free Chocolate Biscuits", "Halles", u("150 g", 279), "Shortbread biscuits with a milk chocolate top, gluten-free.", { tags: ["vegetarian"], keywords: "sans gluten coeliac" }],
  ["Palmiers", "Biscuiterie Jolival", u("100 g", 199), "Caramelised puff pastry hearts.", { tags: ["vegetarian"], keywords: "palmier" }],
  ["Crêpes Dentelle", "Biscuiterie Jolival", u("90 g", 249), "Crisp, lacy Breton wafers.", { tags: ["vegetarian"], keywords: "crepes dentelle wafer" }],
  ["Organic Oat Biscuits", "Halles Bio", u("200 g", 229), "Organic oat and raisin biscuits.", { tags: ["vegan"], keywords: "oat bio" }],
  ["Parisian Macarons", "Maison Durand", u("12 pieces", 899), "Twelve macarons: vanilla, raspberry, pistachio, chocolate, lemon and coffee.", { tags: ["vegetarian", "gluten_free"], keywords: "macaron gift" }],
]);

const SWEETS = shelf("sweets", { keywords: "sweets candy confiserie" }, [
  ["Salted Butter Caramels", "Confiserie Marcellin", u("150 g", 349), "Soft Breton caramels made with salted butter.", { tags: ["vegetarian", "gluten_free"], keywords: "caramel" }],
  ["Calissons d'Aix", "Confiserie Marcellin", u("200 g", 999), "Almond and candied melon sweets under royal icing.", { tags: ["vegetarian", "gluten_free"], keywords: "calisson almond" }],
  ["Fruit Jellies", "Confiserie Marcellin", u("250 g", 449), "Pâtes de fruits made with 50% fruit purée.", { tags: ["vegan", "gluten_free"], keywords: "pate de fruits jelly" }],
  ["Nougat de Montélimar", "Confiserie Marcellin", u("100 g", 349), "Soft nougat with almonds, pistachios and lavender honey.", { tags: ["vegetarian", "gluten_free"], keywords: "nougat" }],
  ["Vegan Fruit Gums", "Halles", u("200 g", 199), "Fruity gums made with pectin instead of gelatine.", { tags: ["vegan", "gluten_free"], keywords: "gums bonbons gelatine-free" }],
  ["Liquorice Rolls", "Halles", u("150 g", 179), "Soft liquorice wheels.", { keywords: "liquorice reglisse" }],
]);

const BABY_FOOD = shelf("baby-food", { keywords: "baby bebe infant" }, [
  ["Apple and Pear Purée", "Petit Potager", u("4 x 100 g", 229), "Smooth apple and pear compote, from 4–6 months.", { tags: ["vegan", "gluten_free"], keywords: "puree compote fruit" }],
  ["Organic Carrot Purée", "Halles Bio", u("2 x 130 g", 219), "Organic carrots only, from 4 months.", { tags: ["vegan", "gluten_free"], keywords: "puree vegetables bio" }],
  ["Vegetables and Chicken Dinner", "Petit Potager", u("200 g", 179), "Carrots, potatoes and chicken in a jar, from 8 months.", { tags: ["gluten_free"], keywords: "dinner jar petit pot" }],
  ["Organic Vegetable Risotto", "Halles Bio", u("200 g", 219), "Organic vegetable risotto, from 12 months.", { tags: ["vegetarian", "gluten_free"], keywords: "risotto jar bio" }],
  ["Organic Baby Porridge", "Halles Bio", u("250 g", 349), "Organic multigrain baby cereal, from 6 months.", { tags: ["vegetarian"], keywords: "cereal porridge bouillie bio" }],
  ["Baby Rice Cereal", "Petit Potager", u("250 g", 299), "Gluten-free rice cereal, the first cereal from 4 months.", { tags: ["vegan", "gluten_free"], keywords: "cereal rice" }],
  ["Fruit Pouches", "Petit Potager", u("4 x 90 g", 299), "Squeezy pouches of apple, banana and mango.", { tags: ["vegan", "gluten_free"], keywords: "pouch gourde fruit" }],
  ["Baby Biscuits", "Douceur Bébé", u("150 g", 229), "Biscuits that melt in the mouth, from 10 months.", { tags: ["vegetarian"], keywords: "biscuits" }],
]);

const BABY_MILK = shelf("baby-milk", { tags: ["vegetarian"], keywords: "baby bebe milk formula" }, [
  ["First Infant Milk", "Douceur Bébé", u("800 g", 1890), "Infant formula from birth, when not breastfeeding.", { keywords: "formula 1st age" }],
  ["Follow-On Milk", "Douceur Bébé", u("800 g", 1590), "Follow-on formula from 6 months.", { keywords: "formula 2nd age" }],
  ["Growing-Up Milk", "Douceur Bébé", [u("1 l", 289), u("4 x 1 l", 1090)], "Ready-to-drink growing-up milk, from 1 to 3 years.", { keywords: "croissance 3rd age" }],
]);

const NAPPIES = shelf("nappies-baby-care", { vat: VAT.standard, keywords: "baby bebe" }, [
  ["Nappies Size 3 (4–9 kg)", "Douceur Bébé", u("52 nappies", 1399), "Breathable, ultra-absorbent nappies for up to 12 hours.", { keywords: "nappies diapers couches" }],
  ["Nappies Size 4 (7–18 kg)", "Douceur Bébé", u("46 nappies", 1399), "Breathable, ultra-absorbent nappies for active babies.", { keywords: "nappies diapers couches" }],
  ["Nappies Size 5 (11–25 kg)", "Douceur Bébé", u("40 nappies", 1399), "Absorbent nappies with stretchy sides.", { keywords: "nappies diapers couches" }],
  ["Sensitive Baby Wipes", "Douceur Bébé", u("192 wipes", 549), "Three packs of 64 fragrance-free wipes with 99% water.", { keywords: "wipes lingettes" }],
  ["Nappy Rash Cream", "Douceur Bébé", u("100 ml", 549), "A zinc oxide cream that protects and soothes.", { keywords: "cream change" }],
  ["Gentle Baby Shampoo", "Douceur Bébé", u("300 ml", 399), "A tear-free shampoo and body wash.", { keywords: "shampoo bath" }],
]);

const CLEANING = shelf("cleaning", { vat: VAT.standard, keywords: "cleaning menage household" }, [
  ["Multi-Surface Cleaner", "Clairval", u("750 ml", 249), "A degreasing spray for kitchens and bathrooms, fresh lemon scent.", { keywords: "spray surface" }],
  ["Bathroom Limescale Remover", "Clairval", u("750 ml", 299), "Removes limescale and soap marks from taps and showers.", { keywords: "bathroom calcaire" }],
  ["White Vinegar Cleaner", "Halles", u("1 l", 149), "14° white vinegar for descaling and cleaning naturally.", { keywords: "vinegar vinaigre blanc natural" }],
  ["Bicarbonate of Soda", "Maison Savonnière", u("500 g", 229), "Multi-use sodium bicarbonate for cleaning and deodorising.", { keywords: "bicarbonate baking soda natural" }],
  ["Liquid Black Soap", "Maison Savonnière", u("1 l", 449), "Linseed-oil black soap for floors and surfaces.", { keywords: "savon noir natural" }],
  ["Lavender Floor Cleaner", "Clairval", u("1.25 l", 299), "A floor cleaner that leaves a light lavender scent.", { keywords: "floor sol" }],
  ["Thick Bleach", "Halles", u("1 l", 119), "Thick bleach gel for toilets and drains.", { keywords: "bleach javel" }],
  ["Bin Bags 50 l", "Halles", u("20 pieces", 299), "Twenty strong drawstring bin bags.", { keywords: "bin bags sacs poubelle" }],
]);

const LAUNDRY = shelf("laundry", { vat: VAT.standard, keywords: "laundry lessive washing" }, [
  ["Liquid Laundry Detergent", "Clairval", [u("1.5 l", 699), u("3 l", 1199)], "A concentrated detergent effective from 30 °C.", { keywords: "detergent" }],
  ["Sensitive Laundry Detergent", "Maison Savonnière", u("1.5 l", 799), "A hypoallergenic detergent without dyes or perfume.", { keywords: "detergent sensitive" }],
  ["Laundry Capsules", "Clairval", u("30 pieces", 899), "Thirty pre-dosed 3-in-1 washing capsules.", { keywords: "pods capsules" }],
  ["Fabric Softener", "Clairval", u("1.5 l", 349), "Softener with a cotton flower scent.", { keywords: "softener adoucissant" }],
  ["Marseille Soap Flakes", "Maison Savonnière", u("750 g", 449), "Pure Marseille soap flakes for delicate washing.", { keywords: "savon de marseille" }],
]);

const PAPER = shelf("paper-tissues", { vat: VAT.standard, keywords: "paper papier household" }, [
  ["Soft Toilet Paper", "Douceur Coton", [u("9 rolls", 399), u("18 rolls", 699)], "Three-ply quilted toilet paper.", { keywords: "toilet paper loo roll" }],
  ["Recycled Toilet Paper", "Halles", u("12 rolls", 449), "Two-ply toilet paper made from recycled fibres.", { keywords: "toilet paper recycled" }],
  ["Kitchen Rolls", "Douceur Coton", u("4 rolls", 349), "Extra-absorbent kitchen paper.", { keywords: "kitchen roll essuie-tout" }],
  ["Tissues", "Douceur Coton", u("15 packs", 249), "Fifteen pocket packs of soft tissues.", { keywords: "tissues mouchoirs" }],
  ["Paper Napkins", "Halles", u("100 pieces", 199), "White two-ply paper napkins.", { keywords: "napkins serviettes" }],
]);

const DISHWASHING = shelf("dishwashing", { vat: VAT.standard, keywords: "dishes vaisselle" }, [
  ["Washing-Up Liquid", "Clairval", u("500 ml", 179), "Grease-cutting washing-up liquid, gentle on hands.", { keywords: "washing up liquid" }],
  ["All-in-One Dishwasher Tablets", "Clairval", u("40 pieces", 899), "Forty tablets with salt and rinse aid.", { keywords: "dishwasher tablets" }],
  ["Eco Dishwasher Tablets", "Maison Savonnière", u("30 pieces", 749), "Phosphate-free tablets with an ecolabel.", { keywords: "dishwasher eco" }],
  ["Scourer Sponges", "Halles", u("3 pieces", 149), "Three sponges with a scouring side.", { keywords: "sponge eponge" }],
  ["Rinse Aid", "Clairval", u("500 ml", 249), "For sparkling, spot-free glasses.", { keywords: "rinse aid dishwasher" }],
]);

const HAIR = shelf("hair-care", { vat: VAT.standard, keywords: "hair cheveux" }, [
  ["Shampoo for Normal Hair", "Capilis", u("250 ml", 299), "A gentle everyday shampoo with apple extract.", { keywords: "shampoo shampooing" }],
  ["Anti-Dandruff Shampoo", "Capilis", u("250 ml", 449), "Controls dandruff from the first wash.", { keywords: "shampoo dandruff" }],
  ["Nourishing Conditioner", "Capilis", u("200 ml", 349), "A conditioner with shea butter for dry hair.", { keywords: "conditioner apres-shampooing" }],
  ["Solid Shampoo Bar", "Bastide des Sens", u("75 g", 799), "A zero-waste shampoo bar with essential oils.", { tags: ["vegan"], keywords: "shampoo solid zero waste" }],
  ["Organic Shampoo", "Halles Bio", u("250 ml", 499), "A certified organic shampoo with aloe vera.", { keywords: "shampoo bio" }],
]);

const BODY = shelf("body-care", { vat: VAT.standard, keywords: "body hygiene" }, [
  ["Almond Shower Gel", "Bastide des Sens", u("250 ml", 199), "A creamy shower gel with sweet almond oil.", { keywords: "shower gel douche" }],
  ["Marseille Soap Bar", "Maison Savonnière", u("300 g", 349), "A traditional cube of Marseille soap with 72% olive oil.", { tags: ["vegan"], keywords: "soap savon" }],
  ["Aleppo Soap", "Maison Savonnière", u("200 g", 499), "Olive and laurel oil soap, for sensitive skin.", { tags: ["vegan"], keywords: "soap savon alep" }],
  ["Liquid Hand Soap Refill", "Halles", u("500 ml", 249), "Hand wash with a fresh cotton scent.", { keywords: "hand soap savon" }],
  ["Moisturising Body Lotion", "Bastide des Sens", u("400 ml", 599), "A light lotion with shea butter for dry skin.", { keywords: "lotion cream" }],
  ["Roll-On Deodorant", "Bastide des Sens", u("50 ml", 299), "An aluminium-free deodorant with 24-hour protection.", { keywords: "deodorant" }],
  ["Sun Cream SPF 50", "Halles", u("200 ml", 1290), "Very high protection, water resistant.", { keywords: "sunscreen suncream" }],
]);

const ORAL = shelf("oral-care", { vat: VAT.standard, keywords: "teeth dental" }, [
  ["Whitening Toothpaste", "Dentéa", u("75 ml", 199), "A fluoride toothpaste that removes stains.", { keywords: "toothpaste dentifrice" }],
  ["Sensitive Toothpaste", "Dentéa", u("75 ml", 329), "Relieves sensitive teeth.", { keywords: "toothpaste dentifrice" }],
  ["Kids' Strawberry Toothpaste", "Dentéa", u("50 ml", 199), "A mild strawberry toothpaste for children aged 2 to 6.", { keywords: "toothpaste kids" }],
  ["Medium Toothbrushes", "Dentéa", u("2 pieces", 249), "Two medium-bristle toothbrushes.", { keywords: "toothbrush brosse a dents" }],
  ["Mint Mouthwash", "Dentéa", u("500 ml", 349), "An alcohol-free mouthwash for fresh breath.", { keywords: "mouthwash bain de bouche" }],
]);

const HYGIENE = shelf("hygiene", { vat: VAT.standard, keywords: "hygiene" }, [
  ["Cotton Pads", "Douceur Coton", u("80 pieces", 149), "Soft, double-sided cotton pads.", { keywords: "cotton make-up" }],
  ["Organic Cotton Buds", "Halles Bio", u("200 pieces", 199), "Organic cotton buds with paper stems.", { keywords: "cotton buds coton-tige" }],
  ["Ultra-Thin Sanitary Pads", "Douceur Coton", u("14 pieces", 249), "Ultra-thin day pads with wings.", { keywords: "sanitary pads" }],
  ["Three-Blade Razors", "Halles", u("4 pieces", 399), "Four disposable razors with a moisturising strip.", { keywords: "razor rasoir" }],
]);

export const DRINKS_HOUSEHOLD_PRODUCTS: ProductSeed[] = [
  ...WATER, ...JUICES, ...SOFT_DRINKS, ...COFFEE_TEA, ...RED_WINE, ...WHITE_ROSE, ...SPARKLING, ...BEER_CIDER, ...SPIRITS,
  ...CRISPS_NUTS, ...CHOCOLATE, ...BISCUITS, ...SWEETS, ...BABY_FOOD, ...BABY_MILK, ...NAPPIES,
  ...CLEANING, ...LAUNDRY, ...PAPER, ...DISHWASHING, ...HAIR, ...BODY, ...ORAL, ...HYGIENE,
];
