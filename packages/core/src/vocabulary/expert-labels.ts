/** Labels of the expert enums (registered in VOCABULARY by ./labels). */
export {};
