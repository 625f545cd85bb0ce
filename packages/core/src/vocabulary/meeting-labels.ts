/** Labels of the meeting enums (registered in VOCABULARY by ./labels). */
export {};
