META
key;value
description;Budget participatif de Villeneuve-sur-Loire (commune fictive), exemple de la bibliothèque civic
country;France
unit;Villeneuve-sur-Loire
instance;2024
num_projects;12
num_votes;160
budget;300000
vote_type;approval
rule;greedy
date_begin;02.09.2024
date_end;30.09.2024
min_length;1
max_length;4
language;fr
currency;EUR
comment;#1: Données fictives, créées pour la bibliothèque civic : aucune commune ni aucun électeur réels. #2: Les habitants votent dès 11 ans.
PROJECTS
project_id;cost;votes;name;category;district;selected
P01;120000;67;Rénovation du gymnase Jean-Moulin;Sport et loisirs;Centre;1
P02;85000;53;Piste cyclable entre la gare et le lycée;Mobilités;Centre;1
P03;60000;22;Éclairage solaire du parc des Tilleuls;Cadre de vie;Les Tilleuls;0
P04;45000;26;Jardin partagé et compost de quartier;Nature en ville;Les Tilleuls;0
P05;30000;29;Skatepark modulable;Sport et loisirs;Bord de Loire;0
P06;25000;23;Local de répétition pour les jeunes musiciens;Culture;Bord de Loire;0
P07;18000;31;Boîtes à livres dans les trois quartiers;Culture;Centre;1
P08;40000;38;Plantation de 200 arbres le long de la Loire;Nature en ville;Bord de Loire;1
P09;15000;36;Bancs et fontaines à eau sur le mail;Cadre de vie;Centre;1
P10;70000;24;Aire de jeux inclusive;Solidarité;Les Tilleuls;0
P11;12000;17;Atelier de réparation de vélos solidaire;Solidarité;Bord de Loire;1
P12;55000;30;Terrain multisport du collège;Sport et loisirs;Les Tilleuls;0
VOTES
voter_id;vote;age;sex;voting_method;district
v001;P01,P07;64;F;papier;Centre
v002;P02;49;M;papier;Centre
v003;P01;75;F;papier;Centre
v004;P02,P09,P07,P01;50;M;internet;Centre
v005;P09,P01,P02;43;F;papier;Centre
v006;P01,P02;69;F;internet;Centre
v007;P07,P02;53;M;papier;Centre
v008;P02,P07,P09;40;F;internet;Centre
v009;P08,P07,P02;75;F;internet;Centre
v010;P01,P07,P02;72;M;internet;Centre
v011;P07,P02,P09;61;F;internet;Centre
v012;P09,P02,P01;70;F;internet;Centre
v013;P02,P09,P01;45;M;papier;Centre
v014;P02,P01,P07;68;F;papier;Centre
v015;P09,P08,P07,P02;71;F;internet;Centre
v016;P02,P01;55;M;internet;Centre
v017;P09,P01,P08,P07;37;M;papier;Centre
v018;P01,P02,P08;65;M;papier;Centre
v019;P09,P02,P07;44;F;internet;Centre
v020;P01,P07;61;F;internet;Centre
v021;P08;37;F;internet;Centre
v022;P09,P01;47;F;internet;Centre
v023;P08,P07,P09,P01;57;F;internet;Centre
v024;P07,P02,P09;71;F;papier;Centre
v025;P09,P02;55;M;internet;Centre
v026;P01,P07,P02;66;M;internet;Centre
v027;P08,P02,P07;46;M;papier;Centre
v028;P02,P08,P01;59;M;internet;Centre
v029;P01,P02;53;F;papier;Centre
v030;P01,P02,P08;42;F;papier;Centre
v031;P01;57;F;internet;Centre
v032;P09,P07,P01;67;F;internet;Centre
v033;P07,P01,P02;38;M;internet;Centre
v034;P01,P08;54;F;papier;Centre
v035;P09,P02,P01;64;F;internet;Centre
v036;P09,P07,P02;63;M;internet;Centre
v037;P02,P01,P07,P09;73;M;internet;Centre
v038;P09,P01;34;M;internet;Centre
v039;P09,P08,P02,P01;75;F;papier;Centre
v040;P01;72;M;papier;Centre
v041;P02,P01,P07,P09;49;M;internet;Centre
v042;P02,P09,P01;52;F;papier;Centre
v043;P02,P07,P09,P01;60;M;internet;Centre
v044;P02,P07,P01,P09;51;M;internet;Centre
v045;P09,P01,P02;38;F;papier;Centre
v046;P01;44;F;papier;Centre
v047;P01;37;M;papier;Centre
v048;P07;67;M;papier;Centre
v049;P01;54;M;internet;Centre
v050;P01;40;F;internet;Centre
v051;P01,P09,P07,P02;34;F;internet;Centre
v052;P09,P01;36;M;internet;Centre
v053;P01;69;F;internet;Centre
v054;P01,P09,P08,P02;33;F;internet;Centre
v055;P09,P07,P01,P02;40;M;internet;Centre
v056;P09,P02;71;M;papier;Centre
v057;P02,P01;45;M;papier;Centre
v058;P08,P01,P02;73;M;internet;Centre
v059;P02,P07;64;M;papier;Centre
v060;P02,P01,P09;38;F;internet;Centre
v061;P01,P02;61;M;papier;Centre
v062;P07,P02,P01,P09;62;M;internet;Centre
v063;P01;44;M;papier;Centre
v064;P07,P08;51;F;papier;Centre
v065;P07,P02,P09,P01;71;M;internet;Centre
v066;P09,P01,P08;67;M;papier;Centre
v067;P09,P01;64;M;internet;Centre
v068;P01,P09;45;M;internet;Centre
v069;P08,P09,P01,P07;67;F;papier;Centre
v070;P02,P08,P01;65;F;papier;Centre
v071;P03,P12,P04,P10;26;F;papier;Les Tilleuls
v072;P12,P10,P03;34;F;internet;Les Tilleuls
v073;P03;64;M;papier;Les Tilleuls
v074;P01,P04;36;F;internet;Les Tilleuls
v075;P03,P04,P10;38;F;papier;Les Tilleuls
v076;P04,P03,P10;61;F;internet;Les Tilleuls
v077;P03,P04;28;F;internet;Les Tilleuls
v078;P04,P12,P03,P10;60;M;internet;Les Tilleuls
v079;P10,P04;49;F;papier;Les Tilleuls
v080;P01;67;M;internet;Les Tilleuls
v081;P10,P04,P03;27;M;internet;Les Tilleuls
v082;P10,P04,P01;29;F;internet;Les Tilleuls
v083;P03;49;F;papier;Les Tilleuls
v084;P10,P04;29;M;internet;Les Tilleuls
v085;P04,P03,P12,P01;55;M;internet;Les Tilleuls
v086;P01,P10,P03,P04;28;M;papier;Les Tilleuls
v087;P04,P10;28;F;internet;Les Tilleuls
v088;P10,P04,P01,P12;64;M;internet;Les Tilleuls
v089;P10,P03;25;F;internet;Les Tilleuls
v090;P03,P01,P04,P10;52;M;internet;Les Tilleuls
v091;P04;47;F;internet;Les Tilleuls
v092;P04,P10,P12;45;F;internet;Les Tilleuls
v093;P01,P04;44;M;internet;Les Tilleuls
v094;P04,P12,P10;50;F;internet;Les Tilleuls
v095;P04,P10,P01,P03;27;M;papier;Les Tilleuls
v096;P01,P10;25;F;papier;Les Tilleuls
v097;P12,P03,P10;52;M;internet;Les Tilleuls
v098;P03,P10,P04;68;F;internet;Les Tilleuls
v099;P01,P03,P12,P10;36;F;internet;Les Tilleuls
v100;P04,P03,P01;53;F;internet;Les Tilleuls
v101;P10,P03,P04;25;F;papier;Les Tilleuls
v102;P10;70;M;papier;Les Tilleuls
v103;P12,P04,P03,P01;58;M;internet;Les Tilleuls
v104;P03,P04;45;F;internet;Les Tilleuls
v105;P03,P12,P04,P10;34;M;internet;Les Tilleuls
v106;P11;27;M;internet;Bord de Loire
v107;P02;34;M;internet;Bord de Loire
v108;P11,P08;42;M;internet;Bord de Loire
v109;P08;42;F;internet;Bord de Loire
v110;P08,P11;45;F;internet;Bord de Loire
v111;P02;43;F;internet;Bord de Loire
v112;P11,P08;31;M;internet;Bord de Loire
v113;P08,P02;61;F;internet;Bord de Loire
v114;P08,P11;27;M;internet;Bord de Loire
v115;P02,P08;57;M;papier;Bord de Loire
v116;P05,P08;25;F;internet;Bord de Loire
v117;P11,P08;26;M;internet;Bord de Loire
v118;P08;38;F;papier;Bord de Loire
v119;P11,P02,P08;23;M;papier;Bord de Loire
v120;P11,P08;29;M;internet;Bord de Loire
v121;P08,P11;58;M;internet;Bord de Loire
v122;P08,P11;52;F;internet;Bord de Loire
v123;P11,P02,P08;45;F;internet;Bord de Loire
v124;P08;42;M;papier;Bord de Loire
v125;P08;59;F;papier;Bord de Loire
v126;P11;28;M;papier;Bord de Loire
v127;P02,P11,P08;36;F;internet;Bord de Loire
v128;P08,P11;65;F;internet;Bord de Loire
v129;P08,P02;29;F;papier;Bord de Loire
v130;P05,P08;47;F;papier;Bord de Loire
v131;P06,P05;12;M;internet;Bord de Loire
v132;P06,P05;13;F;internet;Bord de Loire
v133;P05,P06,P12;17;M;papier;Bord de Loire
v134;P12,P05,P06;14;M;papier;Bord de Loire
v135;P12,P05;15;F;internet;Bord de Loire
v136;P05,P12;15;F;internet;Bord de Loire
v137;P06;16;F;internet;Bord de Loire
v138;P05,P06;12;M;internet;Bord de Loire
v139;P11,P12,P05,P06;11;F;internet;Bord de Loire
v140;P06,P12;11;M;internet;Bord de Loire
v141;P12,P06,P05;16;F;internet;Bord de Loire
v142;P05,P06,P12;11;M;internet;Bord de Loire
v143;P05,P06;16;F;papier;Bord de Loire
v144;P06,P05;14;F;internet;Bord de Loire
v145;P12,P05;17;M;internet;Bord de Loire
v146;P06,P05;16;F;internet;Bord de Loire
v147;P05,P12,P06;11;F;papier;Bord de Loire
v148;P11,P05,P12;16;F;papier;Bord de Loire
v149;P06,P05,P12;15;F;internet;Bord de Loire
v150;P05,P12,P06;12;F;papier;Bord de Loire
v151;P06,P05,P11;16;M;papier;Bord de Loire
v152;P06,P05;12;M;internet;Bord de Loire
v153;P12;13;F;papier;Bord de Loire
v154;P12,P06,P05;12;M;internet;Bord de Loire
v155;P05,P06;11;F;papier;Bord de Loire
v156;P12,P05,P06;16;M;internet;Bord de Loire
v157;P05,P12;15;F;internet;Bord de Loire
v158;P06,P12,P05;16;M;internet;Bord de Loire
v159;P12,P06,P05;14;F;internet;Bord de Loire
v160;P05;12;F;papier;Bord de Loire
