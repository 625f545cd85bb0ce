/** Labels of the evidence enums (registered in VOCABULARY by ./labels). */
export {};
