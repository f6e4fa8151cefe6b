// Hand-written catalog, grocery departments: bakery, deli and ready meals, pantry, frozen.
import { shelf, u, VAT, type ProductSeed } from "./catalog-dsl";

const BREAD = shelf("bread", { keywords: "bread pain bakery" }, [
  ["Traditional Baguette", "Maison Durand", u("250 g", 119), "A baguette de tradition made with Label Rouge flour and a long fermentation, baked in store.", { tags: ["vegan"], keywords: "baguette", featured: true }],
  ["Sourdough Country Loaf", "Maison Durand", u("800 g", 449), "A large rustic loaf with a dark crust and a naturally leavened crumb.", { tags: ["vegan"], keywords: "sourdough levain campagne" }],
  ["Wholemeal Sandwich Bread", "Halles", u("500 g", 199), "Sliced wholemeal sandwich bread, soft and light.", { keywords: "sliced bread wholemeal toast" }],
  ["Crustless White Sandwich Bread", "Halles", u("500 g", 219), "Soft sliced white bread without crusts.", { keywords: "sliced bread white toast" }],
  ["Brioche Loaf", "Boulangerie Marceau", u("500 g", 269), "A sliced, pure-butter Vendée-style brioche.", { tags: ["vegetarian"], keywords: "brioche" }],
  ["Gluten-Free White Bread", "Halles", u("300 g", 389), "Sliced white bread made without gluten, soft and fluffy.", { tags: ["vegetarian"], keywords: "sans gluten coeliac" }],
  ["Organic Spelt Bread", "Halles Bio", u("500 g", 389), "An organic spelt loaf with seeds.", { tags: ["vegan"], keywords: "spelt epeautre bio" }],
  ["Seeded Rye Bread", "Moulin de la Reine", u("500 g", 279), "Dense rye bread with sunflower and linseed.", { tags: ["vegan"], keywords: "rye seigle" }],
  ["Pitta Breads", "Halles", u("6 pieces", 149), "Six soft pitta breads to fill or toast.", { tags: ["vegan"], keywords: "pita pitta" }],
  ["Wheat Tortilla Wraps", "Halles", u("8 pieces", 189), "Eight soft wheat tortillas for wraps and fajitas.", { tags: ["vegan"], keywords: "tortilla wrap" }],
  ["Brioche Burger Buns", "Boulangerie Marceau", u("4 pieces", 199), "Four glazed brioche buns with sesame seeds.", { tags: ["vegetarian"], keywords: "burger bun" }],
]);

const VIENNOISERIES = shelf("viennoiseries", { tags: ["vegetarian"], keywords: "viennoiserie pastry bakery breakfast" }, [
  ["All-Butter Croissants", "Maison Durand", u("4 pieces", 299), "Four flaky croissants made with AOP Charentes-Poitou butter, baked in store.", { keywords: "croissant", featured: true }],
  ["Pains au Chocolat", "Maison Durand", u("4 pieces", 319), "Four all-butter pains au chocolat (chocolatines) with two bars of dark chocolate.", { keywords: "chocolatine" }],
  ["Pains aux Raisins", "Maison Durand", u("2 pieces", 259), "Snails of croissant dough with custard and raisins.", { keywords: "raisin" }],
  ["Chouquettes", "Boulangerie Marceau", u("200 g", 249), "Little choux puffs topped with pearl sugar.", { keywords: "choux" }],
  ["Chocolate Chip Brioche Rolls", "Halles", u("8 pieces", 249), "Eight soft brioche rolls with chocolate chips.", { keywords: "brioche chocolate" }],
  ["Apple Turnovers", "Maison Durand", u("2 pieces", 279), "Puff pastry chaussons filled with apple compote.", { keywords: "chausson apple" }],
]);

const CAKES = shelf("cakes-tarts", { tags: ["vegetarian"], keywords: "cake dessert patisserie" }, [
  ["Butter Madeleines", "Biscuiterie Jolival", u("250 g", 249), "Shell-shaped sponge cakes made with butter and fresh eggs.", { keywords: "madeleine" }],
  ["Gâteau Basque", "Boulangerie Marceau", u("400 g", 599), "A Basque cake filled with pastry cream.", { keywords: "basque" }],
  ["Apple Tart", "Maison Durand", u("6 portions", 749), "A thin apple tart on puff pastry for six people.", { keywords: "tarte pommes tart" }],
  ["Marble Cake", "Halles", u("400 g", 249), "A vanilla and chocolate marble cake to slice.", { keywords: "marbre" }],
  ["Almond Financiers", "Biscuiterie Jolival", u("8 pieces", 289), "Eight little almond cakes made with browned butter.", { keywords: "financier almond", stock: { "lyon-part-dieu": 36, "paris-bastille": 0 } }],
  ["Sweet Crêpes", "Halles", u("6 pieces", 229), "Six Breton-style sweet crêpes, ready to warm up.", { keywords: "crepe pancake" }],
  ["Gluten-Free Chocolate Brownies", "Halles", u("4 pieces", 349), "Fudgy chocolate brownies made without gluten.", { keywords: "brownie sans gluten" }],
]);

const CHARCUTERIE = shelf("charcuterie", { keywords: "charcuterie deli" }, [
  ["Herb-Rubbed Cooked Ham", "Maison Vernet", [u("4 slices", 279), u("8 slices", 499)], "Cooked ham on the bone with herbs, no polyphosphates.", { keywords: "ham jambon blanc" }],
  ["Bayonne Ham IGP", "Maison Vernet", u("6 slices", 429), "Six thin slices of Bayonne ham cured for at least 9 months.", { keywords: "ham jambon cru", featured: true }],
  ["Dry-Cured Saucisson", "Maison Vernet", u("250 g", 399), "An Auvergne dry-cured saucisson, to slice for the aperitif.", { keywords: "salami saucisson" }],
  ["Chorizo Slices", "Halles", u("100 g", 219), "Thin slices of mildly spicy chorizo.", { keywords: "chorizo" }],
  ["Rillettes du Mans", "Maison Vernet", u("220 g", 289), "Slow-cooked shredded pork rillettes.", { keywords: "rillettes pork" }],
  ["Country Pâté", "Maison Vernet", u("180 g", 219), "A coarse pâté de campagne with pepper.", { keywords: "pate terrine" }],
  ["Chicken Breast Slices", "Halles", u("150 g", 299), "Roast chicken breast slices for sandwiches.", { keywords: "chicken sliced" }],
  ["Duck Foie Gras", "Volailles Perrin", u("180 g", 1990), "Whole duck foie gras from the south-west, cooked in a terrine.", { keywords: "foie gras duck" }],
]);

const READY_MEALS = shelf("ready-meals", { keywords: "ready meal traiteur" }, [
  ["Beef Bourguignon", "Traiteur Delorme", u("300 g", 449), "Beef braised in Burgundy wine with carrots and mushrooms.", { keywords: "beef stew bourguignon" }],
  ["Lasagne Bolognese", "Halles", u("400 g", 399), "Layers of pasta, beef ragù and béchamel.", { keywords: "lasagna lasagne" }],
  ["Hachis Parmentier", "Traiteur Delorme", u("400 g", 429), "Minced beef under a layer of mashed potato, gratinated.", { keywords: "cottage pie" }],
  ["Quiche Lorraine", "Maison Durand", u("400 g", 399), "Shortcrust tart with smoked bacon, eggs and cream.", { keywords: "quiche" }],
  ["Gratin Dauphinois", "Traiteur Delorme", u("500 g", 379), "Potatoes baked in cream with garlic.", { tags: ["vegetarian", "gluten_free"], keywords: "potato gratin" }],
  ["Vegetable Couscous", "Atelier Mezzé", u("350 g", 399), "Couscous with chickpeas and spiced vegetables.", { tags: ["vegan"], keywords: "couscous vegetarian" }],
  ["Chicken Tikka Masala with Rice", "Halles", u("400 g", 449), "Chicken in a creamy spiced tomato sauce with basmati rice.", { keywords: "curry chicken indian" }],
  ["Salmon and Leek Parmentier", "Traiteur Delorme", u("300 g", 499), "Salmon and melted leeks under a potato topping.", { keywords: "salmon fish pie" }],
]);

const SANDWICHES = shelf("sandwiches-salads", { vat: VAT.prepared, keywords: "lunch sandwich to go" }, [
  ["Ham and Butter Baguette Sandwich", "Maison Durand", u("each", 349), "The Parisian jambon-beurre: cooked ham and butter in a fresh baguette.", { keywords: "jambon beurre" }],
  ["Chicken Caesar Wrap", "Halles", u("each", 399), "Roast chicken, romaine, parmesan and Caesar dressing in a wrap.", { keywords: "wrap caesar" }],
  ["Tuna Niçoise Salad Bowl", "Halles", u("each", 449), "Tuna, egg, olives, green beans and potatoes with a mustard dressing.", { keywords: "salad nicoise" }],
  ["Goat's Cheese and Walnut Salad", "Halles", u("each", 429), "Mixed leaves with warm goat's cheese toasts and walnuts.", { tags: ["vegetarian"], keywords: "salad chevre" }],
  ["Quinoa and Roast Vegetable Salad", "Atelier Mezzé", u("each", 429), "Quinoa with roast peppers, courgettes and a lemon dressing.", { tags: ["vegan", "gluten_free"], keywords: "salad quinoa" }],
  ["Salmon Sushi Box", "Halles", u("12 pieces", 899), "Twelve maki and nigiri with salmon, with soy sauce and wasabi.", { keywords: "sushi maki japanese" }],
]);

const DIPS = shelf("dips-spreads", { keywords: "dip aperitif" }, [
  ["Classic Houmous", "Atelier Mezzé", u("200 g", 179), "Chickpea houmous with tahini and lemon.", { tags: ["vegan", "gluten_free"], keywords: "hummus houmous" }],
  ["Tzatziki", "Atelier Mezzé", u("200 g", 219), "Greek yoghurt with cucumber, garlic and mint.", { tags: ["vegetarian", "gluten_free"], keywords: "tzatziki yogurt" }],
  ["Guacamole", "Halles", u("200 g", 249), "Chunky avocado dip with lime and coriander.", { tags: ["vegan", "gluten_free"], keywords: "guacamole avocado" }],
  ["Black Olive Tapenade", "Atelier Mezzé", u("100 g", 229), "Provençal black olive and caper paste.", { tags: ["vegan"], keywords: "tapenade olive" }],
  ["Falafel", "Atelier Mezzé", u("200 g", 299), "Ten chickpea and herb falafels to warm up.", { tags: ["vegan"], keywords: "falafel" }],
]);

const PASTA_RICE = shelf("pasta-rice", { keywords: "pasta pates rice riz" }, [
  ["Penne Rigate", "Pastificio Rossetti", [u("500 g", 129), u("1 kg", 239)], "Bronze-cut durum wheat penne with a rough texture that holds sauce.", { tags: ["vegan"], keywords: "penne" }],
  ["Spaghetti No. 5", "Pastificio Rossetti", u("500 g", 119), "Classic durum wheat spaghetti, cooked in 9 minutes.", { tags: ["vegan"], keywords: "spaghetti" }],
  ["Fusilli", "Halles", u("500 g", 99), "Durum wheat fusilli spirals.", { tags: ["vegan"], keywords: "fusilli" }],
  ["Organic Penne Rigate", "Halles Bio", u("500 g", 179), "Organic durum wheat penne from Italy.", { tags: ["vegan"], keywords: "penne bio" }],
  ["Organic Wholewheat Spaghetti", "Halles Bio", u("500 g", 189), "Organic wholewheat spaghetti, rich in fibre.", { tags: ["vegan"], keywords: "spaghetti complete bio" }],
  ["Gluten-Free Fusilli", "Pastificio Rossetti", u("400 g", 279), "Corn and rice fusilli, certified gluten-free.", { tags: ["vegan"], keywords: "fusilli sans gluten coeliac" }],
  ["Gluten-Free Spaghetti", "Halles", u("500 g", 249), "Brown rice spaghetti, gluten-free.", { tags: ["vegan"], keywords: "spaghetti sans gluten coeliac" }],
  ["Organic Red Lentil Pasta", "Halles Bio", u("250 g", 269), "Penne made only from organic red lentil flour, gluten-free and high in protein.", { tags: ["vegan", "gluten_free"], keywords: "lentil pasta bio" }],
  ["Fresh Egg Tagliatelle", "Pastificio Rossetti", u("250 g", 219), "Fresh egg tagliatelle, ready in 2 minutes.", { tags: ["vegetarian"], keywords: "tagliatelle fresh pasta" }],
  ["Ricotta and Spinach Ravioli", "Pastificio Rossetti", u("250 g", 299), "Fresh ravioli filled with ricotta and spinach.", { tags: ["vegetarian"], keywords: "ravioli fresh pasta" }],
  ["Lasagne Sheets", "Halles", u("500 g", 189), "Egg lasagne sheets, no pre-cooking needed.", { tags: ["vegetarian"], keywords: "lasagne lasagna" }],
  ["Basmati Rice", "Halles", [u("1 kg", 299), u("2 kg", 549)], "Fragrant long-grain basmati rice from the foothills of the Himalayas.", { tags: ["vegan", "gluten_free"], keywords: "basmati" }],
  ["Thai Jasmine Rice", "Halles", u("1 kg", 329), "Soft, fragrant jasmine rice from Thailand.", { tags: ["vegan", "gluten_free"], keywords: "jasmine thai" }],
  ["Camargue Red Rice IGP", "Mas de Sauvan", u("500 g", 349), "Nutty whole red rice grown in the Camargue.", { tags: ["vegan", "gluten_free"], keywords: "red rice camargue" }],
  ["Arborio Risotto Rice", "Pastificio Rossetti", u("1 kg", 349), "Italian arborio rice for creamy risottos.", { tags: ["vegan", "gluten_free"], keywords: "risotto arborio" }],
  ["Long-Grain Rice", "Halles", u("1 kg", 179), "Everyday long-grain rice that never sticks.", { tags: ["vegan", "gluten_free"], keywords: "long grain" }],
  ["Organic Quinoa", "Halles Bio", u("500 g", 389), "Organic white quinoa grown in Anjou.", { tags: ["vegan", "gluten_free"], keywords: "quinoa grain bio" }],
  ["Medium-Grain Couscous", "Halles", u("1 kg", 199), "Durum wheat couscous, ready in 5 minutes.", { tags: ["vegan"], keywords: "couscous semoule" }],
  ["Bulgur Wheat", "Halles", u("500 g", 189), "Cracked bulgur wheat for tabbouleh and pilafs.", { tags: ["vegan"], keywords: "bulgur boulgour" }],
]);

const TINNED = shelf("tinned-food", { keywords: "tin can canned conserve" }, [
  ["Chopped Tomatoes", "Halles", [u("400 g", 89), u("4 x 400 g", 329)], "Italian tomatoes, chopped in their juice.", { tags: ["vegan", "gluten_free"], keywords: "tomato" }],
  ["Tomato Passata", "Halles", u("690 g", 139), "Smooth sieved tomatoes in a glass bottle.", { tags: ["vegan", "gluten_free"], keywords: "tomato passata coulis" }],
  ["Double Tomato Concentrate", "Halles", u("140 g", 109), "Concentrated tomato purée for sauces and stews.", { tags: ["vegan", "gluten_free"], keywords: "tomato puree" }],
  ["Chickpeas", "Halles", u("400 g", 99), "Cooked chickpeas in water, drained weight 265 g.", { tags: ["vegan", "gluten_free"], keywords: "chickpeas pois chiches pulses" }],
  ["Red Kidney Beans", "Halles", u("400 g", 99), "Cooked red kidney beans for chilli con carne.", { tags: ["vegan", "gluten_free"], keywords: "beans pulses" }],
  ["Sweetcorn", "Halles", u("3 x 140 g", 229), "Crunchy sweetcorn kernels, no added sugar.", { tags: ["vegan", "gluten_free"], keywords: "corn mais" }],
  ["Green Lentils from Le Puy AOP", "Halles", u("500 g", 279), "Dried Puy lentils, firm and peppery, ready in 25 minutes.", { tags: ["vegan", "gluten_free"], keywords: "lentils lentilles pulses" }],
  ["Organic Coral Lentils", "Halles Bio", u("500 g", 269), "Split red lentils that cook in 12 minutes, for dals and soups.", { tags: ["vegan", "gluten_free"], keywords: "lentils pulses bio" }],
  ["Tuna in Olive Oil", "Conserverie Kerlann", [u("160 g", 289), u("3 x 160 g", 799)], "Yellowfin tuna fillets in olive oil, pole-and-line caught.", { keywords: "tuna thon fish" }],
  ["Sardines in Olive Oil", "Conserverie Kerlann", u("135 g", 229), "Breton sardines hand-packed in extra virgin olive oil.", { keywords: "sardines fish" }],
  ["Mackerel Fillets in Mustard Sauce", "Conserverie Kerlann", u("169 g", 219), "Mackerel fillets in a Dijon mustard sauce.", { keywords: "mackerel maquereau fish" }],
  ["Cassoulet with Duck Confit", "Traiteur Delorme", u("840 g", 799), "White beans, Toulouse sausage and duck confit, ready to heat.", { keywords: "cassoulet beans" }],
  ["Ratatouille Niçoise", "Halles", u("375 g", 249), "Provençal vegetables slowly cooked in olive oil.", { tags: ["vegan", "gluten_free"], keywords: "ratatouille vegetables" }],
  ["Garden Peas and Carrots", "Halles", u("400 g", 129), "Extra-fine peas and baby carrots.", { tags: ["vegan", "gluten_free"], keywords: "peas carrots vegetables" }],
  ["Organic Coconut Milk", "Halles Bio", u("400 ml", 199), "Organic coconut milk for curries, 17% fat.", { tags: ["vegan", "gluten_free", "lactose_free"], keywords: "coconut bio" }],
]);

const OILS = shelf("oils-vinegar-sauces", { keywords: "condiment" }, [
  ["Extra Virgin Olive Oil", "Huilerie du Vieux Moulin", [u("75 cl", 899), u("1 l", 1099)], "Cold-pressed extra virgin olive oil from the Alpilles, fruity and peppery.", { tags: ["vegan", "gluten_free"], keywords: "olive oil huile", featured: true }],
  ["Organic Extra Virgin Olive Oil", "Halles Bio", u("75 cl", 999), "Organic Spanish extra virgin olive oil.", { tags: ["vegan", "gluten_free"], keywords: "olive oil huile bio" }],
  ["Sunflower Oil", "Halles", u("1 l", 249), "Refined sunflower oil for frying and baking.", { tags: ["vegan", "gluten_free"], keywords: "oil huile" }],
  ["Rapeseed Oil", "Halles", u("1 l", 279), "French rapeseed oil, rich in omega-3.", { tags: ["vegan", "gluten_free"], keywords: "oil colza canola" }],
  ["Walnut Oil", "Huilerie du Vieux Moulin", u("25 cl", 549), "Virgin walnut oil from the Périgord for dressings.", { tags: ["vegan", "gluten_free"], keywords: "oil noix" }],
  ["Red Wine Vinegar", "Halles", u("50 cl", 149), "Red wine vinegar, 7% acidity.", { tags: ["vegan", "gluten_free"], keywords: "vinegar vinaigre" }],
  ["Balsamic Vinegar of Modena IGP", "Halles", u("25 cl", 329), "Aged balsamic vinegar from Modena.", { tags: ["vegan", "gluten_free"], keywords: "vinegar balsamic" }],
  ["Organic Cider Vinegar", "Halles Bio", u("75 cl", 229), "Unfiltered organic cider vinegar from Normandy.", { tags: ["vegan", "gluten_free"], keywords: "vinegar cider bio" }],
  ["Dijon Mustard", "Moutarderie Bourdon", u("370 g", 199), "Strong Dijon mustard made with Burgundy mustard seeds.", { tags: ["vegan"], keywords: "mustard moutarde" }],
  ["Wholegrain Mustard", "Moutarderie Bourdon", u("210 g", 229), "Mild wholegrain mustard, the Meaux style.", { tags: ["vegan"], keywords: "mustard moutarde ancienne" }],
  ["Mayonnaise", "Halles", u("235 g", 199), "Creamy mayonnaise made with free-range egg yolks and Dijon mustard.", { tags: ["vegetarian", "gluten_free"], keywords: "mayo" }],
  ["Tomato Ketchup", "Halles", u("560 g", 229), "Thick, sweet tomato ketchup in a squeezy bottle.", { tags: ["vegan", "gluten_free"], keywords: "ketchup" }],
  ["Basil Pesto", "Pastificio Rossetti", u("190 g", 249), "Genovese pesto with basil, pine nuts and Parmigiano Reggiano.", { tags: ["vegetarian"], keywords: "pesto sauce pasta" }],
  ["Tomato and Basil Pasta Sauce", "Halles", u("400 g", 199), "Slow-cooked tomato sauce with fresh basil.", { tags: ["vegan", "gluten_free"], keywords: "pasta sauce tomato" }],
  ["Soy Sauce", "Halles", u("250 ml", 229), "Naturally brewed soy sauce.", { tags: ["vegan"], keywords: "soy sauce soja" }],
]);

const SPICES = shelf("spices-baking", { keywords: "cooking" }, [
  ["Fine Sea Salt", "Halles", u("1 kg", 99), "Fine sea salt from the Mediterranean.", { tags: ["vegan", "gluten_free"], keywords: "salt sel" }],
  ["Guérande Grey Sea Salt", "Comptoir des Épices", u("1 kg", 299), "Hand-harvested coarse grey salt from the Guérande marshes.", { tags: ["vegan", "gluten_free"], keywords: "salt sel gris" }],
  ["Fleur de Sel de Guérande", "Comptoir des Épices", u("125 g", 449), "Delicate salt flakes to sprinkle at the table.", { tags: ["vegan", "gluten_free"], keywords: "salt fleur de sel" }],
  ["Black Peppercorns", "Comptoir des Épices", u("50 g", 249), "Whole Tellicherry black peppercorns for the grinder.", { tags: ["vegan", "gluten_free"], keywords: "pepper poivre spice" }],
  ["Herbes de Provence", "Comptoir des Épices", u("30 g", 189), "A dried blend of thyme, savory, rosemary and oregano.", { tags: ["vegan", "gluten_free"], keywords: "herbs dried" }],
  ["Espelette Pepper AOP", "Comptoir des Épices", u("40 g", 799), "Mildly hot ground chilli from the Basque Country.", { tags: ["vegan", "gluten_free"], keywords: "chilli piment spice" }],
  ["Sweet Paprika", "Comptoir des Épices", u("50 g", 199), "Ground sweet paprika.", { tags: ["vegan", "gluten_free"], keywords: "paprika spice" }],
  ["Ground Cumin", "Comptoir des Épices", u("40 g", 199), "Warm ground cumin for couscous and curries.", { tags: ["vegan", "gluten_free"], keywords: "cumin spice" }],
  ["Vegetable Stock Cubes", "Halles", u("8 x 10 g", 129), "Eight vegetable stock cubes.", { tags: ["vegan"], keywords: "stock bouillon" }],
  ["Plain Flour T55", "Moulin de la Reine", u("1 kg", 99), "All-purpose French wheat flour for cakes, pastry and sauces.", { tags: ["vegan"], keywords: "flour farine baking" }],
  ["Caster Sugar", "Halles", u("1 kg", 139), "Fine white sugar from French sugar beet.", { tags: ["vegan", "gluten_free"], keywords: "sugar sucre baking" }],
  ["Organic Cane Sugar", "Halles Bio", u("1 kg", 299), "Unrefined organic cane sugar.", { tags: ["vegan", "gluten_free"], keywords: "sugar sucre baking bio" }],
  ["Baking Powder", "Halles", u("6 x 11 g", 119), "Six sachets of raising agent.", { tags: ["vegan", "gluten_free"], keywords: "baking levure" }],
  ["Dark Cooking Chocolate 52%", "Chocolaterie Armand", u("200 g", 229), "A dark chocolate that melts smoothly for cakes and mousses.", { tags: ["vegan"], keywords: "chocolate baking patissier" }],
  ["Bourbon Vanilla Pods", "Comptoir des Épices", u("2 pieces", 599), "Two plump vanilla pods from Madagascar.", { tags: ["vegan", "gluten_free"], keywords: "vanilla baking" }],
  ["Ground Almonds", "Halles", u("125 g", 249), "Finely ground almonds for frangipane and macarons.", { tags: ["vegan", "gluten_free"], keywords: "almond baking" }],
]);

const BREAKFAST = shelf("breakfast-cereals", { keywords: "breakfast cereal" }, [
  ["Organic Fruit Muesli", "Halles Bio", u("750 g", 399), "Organic oat flakes with raisins, apricots and hazelnuts.", { tags: ["vegan"], keywords: "muesli bio" }],
  ["Chocolate Crunchy Granola", "Céréales Soleil", u("500 g", 329), "Baked oat clusters with dark chocolate chunks.", { tags: ["vegetarian"], keywords: "granola" }],
  ["Corn Flakes", "Halles", u("500 g", 219), "Golden toasted corn flakes.", { tags: ["vegan"], keywords: "cornflakes" }],
  ["Porridge Oats", "Céréales Soleil", [u("500 g", 139), u("1 kg", 249)], "Whole rolled oats for porridge and overnight oats.", { tags: ["vegan"], keywords: "oats porridge flocons avoine" }],
  ["Gluten-Free Porridge Oats", "Céréales Soleil", u("450 g", 299), "Oats grown and milled away from wheat, certified gluten-free.", { tags: ["vegan"], keywords: "oats porridge sans gluten" }],
  ["Chocolate Cereal Balls", "Halles", u("375 g", 219), "Crunchy cereal balls with cocoa.", { tags: ["vegetarian"], keywords: "chocolate cereal kids" }],
  ["Toasted Rusks", "Halles", u("36 pieces", 179), "Crisp French toasts (biscottes) for butter and jam.", { tags: ["vegetarian"], keywords: "biscottes rusks toast" }],
  ["Organic Buckwheat Flakes", "Halles Bio", u("500 g", 289), "Organic buckwheat flakes, naturally gluten-free.", { tags: ["vegan", "gluten_free"], keywords: "buckwheat sarrasin bio" }],
]);

const JAMS = shelf("jams-spreads", { keywords: "spread breakfast" }, [
  ["Apricot Jam", "Confiturerie Belle-Rive", u("370 g", 269), "Extra jam with 55% Roussillon apricots, cooked in copper pans.", { tags: ["vegan", "gluten_free"], keywords: "jam confiture apricot" }],
  ["Strawberry Jam", "Confiturerie Belle-Rive", u("370 g", 269), "Extra jam with whole strawberries.", { tags: ["vegan", "gluten_free"], keywords: "jam confiture strawberry" }],
  ["Raspberry Jam", "Ferme du Vallon", u("370 g", 299), "Seedless raspberry jam made on the farm.", { tags: ["vegan", "gluten_free"], keywords: "jam confiture raspberry" }],
  ["Bitter Orange Marmalade", "Confiturerie Belle-Rive", u("370 g", 289), "Thick-cut Seville orange marmalade.", { tags: ["vegan", "gluten_free"], keywords: "marmalade orange" }],
  ["Organic Fig Jam", "Halles Bio", u("350 g", 319), "Organic violet fig jam, lovely with cheese.", { tags: ["vegan", "gluten_free"], keywords: "jam confiture fig" }],
  ["Wildflower Honey", "Miellerie des Cévennes", u("500 g", 599), "Creamy wildflower honey from the Cévennes.", { tags: ["vegetarian", "gluten_free"], keywords: "honey miel" }],
  ["Lavender Honey", "Miellerie des Cévennes", u("250 g", 549), "Liquid lavender honey from Provence.", { tags: ["vegetarian", "gluten_free"], keywords: "honey miel lavande" }],
  ["Acacia Honey", "Halles", u("375 g", 449), "Light, liquid acacia honey that never crystallises.", { tags: ["vegetarian", "gluten_free"], keywords: "honey miel" }],
  ["Hazelnut Chocolate Spread", "Halles", u("400 g", 299), "A creamy cocoa and hazelnut spread, without palm oil.", { tags: ["vegetarian", "gluten_free"], keywords: "chocolate spread pate a tartiner" }],
  ["Smooth Peanut Butter", "Halles", u("350 g", 279), "100% roasted peanuts, no added sugar.", { tags: ["vegan", "gluten_free"], keywords: "peanut butter" }],
  ["Salted Butter Caramel Spread", "Crèmerie Lambert", u("220 g", 399), "Breton salted butter caramel to spread on crêpes.", { tags: ["vegetarian", "gluten_free"], keywords: "caramel spread", featured: true }],
  ["Chestnut Spread", "Confiturerie Belle-Rive", u("250 g", 289), "Sweet chestnut cream from the Ardèche.", { tags: ["vegan", "gluten_free"], keywords: "chestnut creme de marrons" }],
]);

const FROZEN_VEG = shelf("frozen-vegetables", { tags: ["vegan"], keywords: "frozen surgeles" }, [
  ["Frozen Garden Peas", "Halles", u("1 kg", 229), "Sweet garden peas, frozen within hours of picking.", { tags: ["gluten_free"], keywords: "peas petits pois" }],
  ["Frozen Extra-Fine Green Beans", "Givrés d'Armor", u("1 kg", 279), "Whole extra-fine green beans from Brittany.", { tags: ["gluten_free"], keywords: "green beans haricots" }],
  ["Frozen Spinach Portions", "Halles", u("750 g", 189), "Chopped spinach in easy portions.", { tags: ["gluten_free"], keywords: "spinach epinards" }],
  ["Oven Chips", "Halles", u("1 kg", 199), "Crinkle-cut oven chips, crisp in 20 minutes.", { tags: ["gluten_free"], keywords: "fries chips frites" }],
  ["Organic Frozen Broccoli Florets", "Halles Bio", u("600 g", 299), "Organic broccoli florets, blanched and frozen.", { tags: ["gluten_free"], keywords: "broccoli bio" }],
  ["Frozen Soup Vegetables", "Givrés d'Armor", u("1 kg", 219), "Diced carrots, leeks, potatoes, celery and turnips for soup.", { tags: ["gluten_free"], keywords: "soup vegetables" }],
  ["Frozen Raspberries", "Halles", u("300 g", 349), "Whole raspberries for smoothies and coulis.", { tags: ["gluten_free"], keywords: "raspberry berries fruit" }],
]);

const FROZEN_MEALS = shelf("frozen-meals", { keywords: "frozen surgeles" }, [
  ["Margherita Pizza", "Halles", u("390 g", 299), "Thin-crust pizza with tomato, mozzarella and basil.", { tags: ["vegetarian"], keywords: "pizza" }],
  ["Four Cheese Pizza", "Halles", u("410 g", 349), "Mozzarella, Emmental, goat's cheese and blue cheese on a stone-baked base.", { tags: ["vegetarian"], keywords: "pizza quatre fromages" }],
  ["Chorizo Pizza", "Halles", u("400 g", 349), "Spicy chorizo, peppers and mozzarella.", { keywords: "pizza" }],
  ["Frozen Beef Lasagne", "Halles", u("1 kg", 549), "A family-size beef lasagne for four.", { keywords: "lasagna lasagne" }],
  ["Seafood Paella", "Givrés d'Armor", u("800 g", 599), "Saffron rice with mussels, prawns and squid, ready in a pan.", { keywords: "paella seafood" }],
  ["Vegetable Spring Rolls", "Halles", u("12 pieces", 349), "Twelve crispy vegetable spring rolls with sweet chilli sauce.", { tags: ["vegan"], keywords: "spring rolls nems" }],
]);

const FROZEN_FISH = shelf("frozen-fish", { keywords: "frozen fish surgeles" }, [
  ["Breaded Cod Fish Fingers", "Givrés d'Armor", u("450 g", 349), "Fish fingers made with whole cod fillets (MSC).", { keywords: "fish fingers cod" }],
  ["Frozen Salmon Fillets", "Givrés d'Armor", u("4 x 100 g", 699), "Four skinless salmon portions, individually frozen.", { keywords: "salmon" }],
  ["Frozen Cooked Prawns", "Halles", u("400 g", 799), "Peeled cooked prawns, glazed.", { keywords: "prawn shrimp crevette" }],
  ["Frozen Seafood Mix", "Givrés d'Armor", u("400 g", 499), "Mussels, squid rings and prawns for pasta and paella.", { keywords: "seafood fruits de mer" }],
]);

const ICE_CREAM = shelf("ice-cream", { keywords: "frozen dessert glace" }, [
  ["Madagascar Vanilla Ice Cream", "Glacier Montagné", [u("500 ml", 499), u("1 l", 799)], "Rich ice cream made with cream and Madagascar vanilla pods.", { tags: ["vegetarian", "gluten_free"], keywords: "ice cream vanilla", featured: true }],
  ["Salted Butter Caramel Ice Cream", "Glacier Montagné", u("500 ml", 499), "Ice cream with a ripple of Breton salted caramel.", { tags: ["vegetarian", "gluten_free"], keywords: "ice cream caramel" }],
  ["Dark Chocolate Ice Cream", "Glacier Montagné", u("500 ml", 499), "Intense chocolate ice cream with chocolate shavings.", { tags: ["vegetarian"], keywords: "ice cream chocolate" }],
  ["Lemon Sorbet", "Glacier Montagné", u("500 ml", 449), "A sharp, refreshing sorbet made with Menton lemons.", { tags: ["vegan", "gluten_free"], keywords: "sorbet lemon" }],
  ["Organic Mango Sorbet", "Halles Bio", u("500 ml", 479), "Organic Alphonso mango sorbet.", { tags: ["vegan", "gluten_free"], keywords: "sorbet mango bio" }],
  ["Vanilla Ice Cream Cones", "Halles", u("4 x 120 ml", 349), "Four crunchy cones of vanilla ice cream with chocolate.", { tags: ["vegetarian"], keywords: "ice cream cone" }],
  ["Chocolate-Coated Ice Cream Bars", "Halles", u("6 x 80 ml", 399), "Six vanilla ice creams on a stick with a crackling milk chocolate coat.", { tags: ["vegetarian"], keywords: "ice cream stick" }],
]);

export const GROCERY_PRODUCTS: ProductSeed[] = [
  ...BREAD, ...VIENNOISERIES, ...CAKES, ...CHARCUTERIE, ...READY_MEALS, ...SANDWICHES, ...DIPS,
  ...PASTA_RICE, ...TINNED, ...OILS, ...SPICES, ...BREAKFAST, ...JAMS,
  ...FROZEN_VEG, ...FROZEN_MEALS, ...FROZEN_FISH, ...ICE_CREAM,
];
